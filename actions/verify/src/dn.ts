/**
 * Distinguished names compared as sets of attribute=value pairs: `CN=minikube.me, O=minikube.me` equals
 * `O=minikube.me,CN=minikube.me` (keytool prints RFC 2253 order, openssl and Node the encoding order).
 */

const ALIASES: Record<string, string> = {
  COMMONNAME: "CN",
  ORGANIZATIONNAME: "O",
  ORGANIZATIONALUNITNAME: "OU",
  COUNTRYNAME: "C",
  STATEORPROVINCENAME: "ST",
  S: "ST",
  LOCALITYNAME: "L",
  EMAIL: "EMAILADDRESS",
  E: "EMAILADDRESS",
  "2.5.4.3": "CN",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.6": "C",
  "2.5.4.8": "ST",
  "2.5.4.7": "L",
};

export interface DnAttribute {
  type: string;
  value: string;
}

function canonicalType(type: string): string {
  const upper = type.trim().toUpperCase();
  return ALIASES[upper] ?? upper;
}

/** Splits on separators that are not escaped with a backslash. */
function splitUnescaped(text: string, separators: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === "\\" && index + 1 < text.length) {
      current += text[++index];
    } else if (separators.includes(char)) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Parses `CN=a, O=b`, `/CN=a/O=b` (openssl's one-line form) or Node's newline-separated form.
 * Throws a SyntaxError naming the part that is not `attribute=value`.
 */
export function parseDn(text: string): DnAttribute[] {
  const trimmed = text.trim();
  const body = trimmed.startsWith("/") ? trimmed.slice(1) : trimmed;
  const separators = trimmed.startsWith("/") ? "/" : trimmed.includes("\n") ? "\n" : ",;+";
  const attributes: DnAttribute[] = [];
  for (const part of splitUnescaped(body, separators)) {
    if (part.trim() === "") continue;
    const equals = part.indexOf("=");
    if (equals <= 0) throw new SyntaxError(`'${part.trim()}' is not attribute=value`);
    attributes.push({ type: canonicalType(part.slice(0, equals)), value: part.slice(equals + 1).trim() });
  }
  if (attributes.length === 0) throw new SyntaxError("no attribute=value pairs");
  return attributes;
}

/** Values compare case-insensitively with runs of spaces collapsed (X.520 caseIgnoreMatch). */
function key(attribute: DnAttribute): string {
  return `${attribute.type}=${attribute.value.replace(/\s+/g, " ").toLowerCase()}`;
}

export interface DnComparison {
  equal: boolean;
  missing: DnAttribute[];
  unexpected: DnAttribute[];
}

export function compareDn(expected: readonly DnAttribute[], actual: readonly DnAttribute[]): DnComparison {
  const remaining = actual.map(key);
  const missing: DnAttribute[] = [];
  for (const attribute of expected) {
    const index = remaining.indexOf(key(attribute));
    if (index === -1) missing.push(attribute);
    else remaining.splice(index, 1);
  }
  const unexpected = actual.filter((attribute) => remaining.includes(key(attribute)));
  return { equal: missing.length === 0 && unexpected.length === 0, missing, unexpected };
}

/** `CN=minikube.me, O=minikube.me`, in the order given. */
export function formatDn(attributes: readonly DnAttribute[]): string {
  return attributes
    .map((attribute) => `${attribute.type}=${attribute.value.replace(/([,+;])/g, "\\$1")}`)
    .join(", ");
}
