/**
 * A job summary as structured blocks, rendered to GitHub-flavoured Markdown for the Actions job summary
 * and to plain text tables for a terminal. Keeping the structure lets the CLI and the demo show the same
 * report the action writes.
 */
export type SummaryBlock =
  | { kind: "heading"; text: string; level: 1 | 2 | 3 }
  | { kind: "text"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "list"; items: string[] }
  | { kind: "code"; text: string; lang?: string }
  | { kind: "details"; title: string; text: string; lang?: string };

export class Summary {
  readonly blocks: SummaryBlock[] = [];

  heading(text: string, level: 1 | 2 | 3 = 2): this {
    this.blocks.push({ kind: "heading", text, level });
    return this;
  }

  text(text: string): this {
    this.blocks.push({ kind: "text", text });
    return this;
  }

  table(header: string[], rows: string[][]): this {
    this.blocks.push({ kind: "table", header, rows });
    return this;
  }

  list(items: string[]): this {
    if (items.length > 0) this.blocks.push({ kind: "list", items });
    return this;
  }

  code(text: string, lang?: string): this {
    this.blocks.push(lang === undefined ? { kind: "code", text } : { kind: "code", text, lang });
    return this;
  }

  details(title: string, text: string, lang?: string): this {
    this.blocks.push(
      lang === undefined ? { kind: "details", title, text } : { kind: "details", title, text, lang },
    );
    return this;
  }

  get empty(): boolean {
    return this.blocks.length === 0;
  }
}

function escapeCell(value: string): string {
  return value.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function renderMarkdown(blocks: readonly SummaryBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        out.push(`${"#".repeat(block.level)} ${block.text}`);
        break;
      case "text":
        out.push(block.text);
        break;
      case "table":
        out.push(`| ${block.header.map(escapeCell).join(" | ")} |`);
        out.push(`| ${block.header.map(() => "---").join(" | ")} |`);
        for (const row of block.rows) out.push(`| ${row.map(escapeCell).join(" | ")} |`);
        break;
      case "list":
        for (const item of block.items) out.push(`- ${item}`);
        break;
      case "code":
        out.push(`\`\`\`${block.lang ?? ""}\n${block.text.replace(/\n$/, "")}\n\`\`\``);
        break;
      case "details":
        out.push(
          `<details><summary>${block.title}</summary>\n\n\`\`\`${block.lang ?? ""}\n${block.text.replace(/\n$/, "")}\n\`\`\`\n\n</details>`,
        );
        break;
    }
    out.push("");
  }
  return out.join("\n");
}

/** Display width, ignoring ANSI colour codes. */
function width(value: string): number {
  return [...value.replace(/\u001b\[[0-9;]*m/g, "")].length;
}

function pad(value: string, size: number): string {
  return value + " ".repeat(Math.max(0, size - width(value)));
}

export function renderTextTable(header: string[], rows: string[][]): string {
  const columns = header.length;
  const sizes = header.map((cell, index) =>
    Math.max(width(cell), ...rows.map((row) => Math.max(...(row[index] ?? "").split("\n").map(width)))),
  );
  const line = (left: string, mid: string, right: string) =>
    left + sizes.map((size) => "─".repeat(size + 2)).join(mid) + right;
  const out = [line("┌", "┬", "┐")];
  out.push(`│ ${header.map((cell, index) => pad(cell, sizes[index]!)).join(" │ ")} │`);
  out.push(line("├", "┼", "┤"));
  for (const row of rows) {
    const cells = Array.from({ length: columns }, (_, index) => (row[index] ?? "").split("\n"));
    const height = Math.max(...cells.map((cell) => cell.length));
    for (let lineIndex = 0; lineIndex < height; lineIndex++) {
      out.push(`│ ${cells.map((cell, index) => pad(cell[lineIndex] ?? "", sizes[index]!)).join(" │ ")} │`);
    }
  }
  out.push(line("└", "┴", "┘"));
  return out.join("\n");
}

export function renderText(blocks: readonly SummaryBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        out.push(block.level === 1 ? `\n${block.text}\n${"═".repeat(width(block.text))}` : `\n${block.text}`);
        break;
      case "text":
        out.push(block.text.replace(/<br>/g, "\n").replace(/\*\*|`/g, ""));
        break;
      case "table":
        out.push(renderTextTable(block.header, block.rows));
        break;
      case "list":
        for (const item of block.items) out.push(`  • ${item.replace(/`/g, "")}`);
        break;
      case "code":
      case "details":
        if (block.kind === "details") out.push(block.title);
        out.push(
          block.text
            .replace(/\n$/, "")
            .split("\n")
            .map((line) => `    ${line}`)
            .join("\n"),
        );
        break;
    }
  }
  return out.join("\n");
}

/**
 * Parses the Markdown we write back into blocks, so a terminal can show a job summary file that a bundled
 * action wrote (the demo does this). It understands exactly the subset renderMarkdown produces.
 */
export function parseMarkdown(markdown: string): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  const lines = markdown.split("\n");
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, "")
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, "|").replace(/<br>/g, "\n"));
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
    } else if (line.startsWith("|") && lines[index + 1]?.startsWith("| ---")) {
      const header = cells(line);
      const rows: string[][] = [];
      index += 2;
      while (index < lines.length && lines[index]!.startsWith("|")) rows.push(cells(lines[index++]!));
      index--;
      blocks.push({ kind: "table", header, rows });
    } else if (line.startsWith("- ")) {
      const items: string[] = [];
      while (index < lines.length && lines[index]!.startsWith("- ")) items.push(lines[index++]!.slice(2));
      index--;
      blocks.push({ kind: "list", items });
    } else if (line.startsWith("```")) {
      const body: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.startsWith("```")) body.push(lines[index++]!);
      blocks.push({ kind: "code", text: body.join("\n") });
    } else if (line.startsWith("<details><summary>")) {
      const title = line.replace(/<\/?details>|<\/?summary>/g, "");
      const body: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.startsWith("</details>")) {
        if (!lines[index]!.startsWith("```") && lines[index] !== "") body.push(lines[index]!);
        index++;
      }
      blocks.push({ kind: "details", title, text: body.join("\n") });
    } else if (line.trim() !== "") {
      blocks.push({ kind: "text", text: line });
    }
  }
  return blocks;
}
