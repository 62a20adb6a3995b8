import { inflateSync } from 'node:zlib';

// The text of a PDF as Chromium writes it (Skia): fonts are Type0 / Identity-H with a ToUnicode CMap, and text is
// shown as hex glyph strings (<0012003A> Tj, [<…> 3 <…>] TJ) after /Fn size Tf. Enough to check what a printed page
// says without a PDF library; not a general PDF reader (no object streams, no encryption).

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0 && /\/Length\s+\d+/.test(body.slice(0, streamAt))) {
      dict = body.slice(0, streamAt);
      let from = start + streamAt + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const length = Number(/\/Length\s+(\d+)/.exec(dict)![1]);
      const raw = pdf.subarray(from, from + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
    }
    found.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return found;
}

/** glyph id (hex) → text, from a ToUnicode CMap. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(from!.toUpperCase(), utf16(to!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = lo!.length;
      for (let code = parseInt(lo!, 16), i = 0; code <= parseInt(hi!, 16); code++, i++) {
        const first = parseInt(to!.slice(-4), 16) + i;
        map.set(code.toString(16).toUpperCase().padStart(width, '0'), utf16(to!.slice(0, -4) + first.toString(16).padStart(4, '0')));
      }
    }
  }
  return map;
}

/** The text of every page, in drawing order; runs of text are joined without spaces, lines with "\n". */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const cmapOfFont = new Map<number, Map<string, string>>();
  for (const [id, object] of all) {
    const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(object.dict);
    const cmap = ref ? all.get(Number(ref[1]))?.stream : null;
    if (/\/Type\s*\/Font/.test(object.dict) && cmap) {
      cmapOfFont.set(id, toUnicode(cmap.toString('latin1')));
    }
  }
  // A dictionary value: inline (<< … >>, nested ones included) or a reference to another object.
  const resolve = (dict: string, key: string): string => {
    const at = new RegExp(`/${key}\\s*<<`).exec(dict);
    if (at) {
      let depth = 0;
      for (let i = at.index + at[0].length - 2; i < dict.length - 1; i++) {
        if (dict.startsWith('<<', i)) {
          depth++;
          i++;
        } else if (dict.startsWith('>>', i)) {
          depth--;
          i++;
          if (depth === 0) return dict.slice(at.index + at[0].length, i - 1);
        }
      }
    }
    const ref = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return ref ? (all.get(Number(ref[1]))?.dict ?? '') : '';
  };
  const pages = [...all.values()].filter((o) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.dict));
  const out: string[] = [];
  for (const page of pages) {
    const fonts = new Map<string, number>();
    const resources = resolve(page.dict, 'Resources') || page.dict;
    for (const [, name, id] of resolve(resources, 'Font').matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
      fonts.set(name!, Number(id));
    }
    const contents = /\/Contents\s+(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict);
    const ids = contents ? (contents[1] ?? contents[2]!).match(/\d+(?= 0 R)|^\d+$/g) ?? [] : [];
    for (const id of ids) {
      const content = all.get(Number(id))?.stream?.toString('latin1') ?? '';
      let cmap: Map<string, string> | undefined;
      for (const [, font, shown] of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj|T\*|\bET\b)/g)) {
        if (font) {
          cmap = cmapOfFont.get(fonts.get(font) ?? -1);
        } else if (shown === 'T*' || shown === 'ET') {
          out.push('\n');
        } else if (cmap) {
          for (const [, hex] of shown!.matchAll(/<([0-9A-Fa-f]*)>/g)) {
            // Type3 fonts take one byte a glyph, Type0 (Identity-H) two: the CMap's codes say which.
            const width = cmap.keys().next().value?.length ?? 4;
            for (const glyph of hex!.toUpperCase().match(new RegExp(`.{${width}}`, 'g')) ?? []) {
              out.push(cmap.get(glyph) ?? '');
            }
          }
        }
      }
    }
  }
  return out.join('').replace(/\n+/g, '\n');
}
