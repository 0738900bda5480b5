/** PEM armour: the `-----BEGIN X-----` blocks a certificate chain or key file holds. */

export interface PemBlock {
  label: string;
  /** The whole block, armour lines included, with a trailing newline. */
  text: string;
  /** Header lines such as `Proc-Type: 4,ENCRYPTED` (legacy OpenSSL encryption). */
  headers: string[];
}

const blockPattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block in `text`, in order. Text between blocks (openssl's "subject=" lines) is ignored. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.replace(/\r\n/g, "\n").matchAll(blockPattern)) {
    const label = match[1]!;
    const body = match[2]!.trim();
    const lines = body.split("\n").map((line) => line.trim());
    const headers = lines.filter((line) => /^[A-Za-z-]+: /.test(line));
    const base64 = lines.filter((line) => line !== "" && !/^[A-Za-z-]+: /.test(line));
    const headerText = headers.length > 0 ? `${headers.join("\n")}\n\n` : "";
    blocks.push({
      label,
      headers,
      text: `-----BEGIN ${label}-----\n${headerText}${base64.join("\n")}\n-----END ${label}-----\n`,
    });
  }
  return blocks;
}

/** The base64 body lines of every block: what must never be printed for a key. */
export function pemBodyLines(text: string): string[] {
  return pemBlocks(text).flatMap((block) =>
    block.text.split("\n").filter((line) => line !== "" && !line.startsWith("-----") && !line.includes(": ")),
  );
}
