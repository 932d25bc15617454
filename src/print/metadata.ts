/**
 * PDF metadata Chromium cannot set: the author, the subject, the creator
 * (Chromium writes its user agent there), and the language when the page
 * did not name it. Written as an incremental update appended to
 * Chromium's file — a new revision of the document information and the
 * catalog, a small cross-reference section, a trailer — so the rest of
 * the file (pages, fonts, outline, tags) is kept byte for byte and never
 * parsed. A file laid out otherwise is rewritten whole by pdf-lib. Pure:
 * bytes in, bytes out.
 */
import { PDFBool, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/** The document information a plan's PDF carries. */
export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly lang: string;
  readonly creator: string;
}

/** Sets the PDF's title, author, subject, language and creator, keeping its outline and tags. */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  return appendMetadata(pdf, metadata) ?? rewriteMetadata(pdf, metadata);
}

/**
 * The incremental update of `withMetadata`, or `undefined` when the file is
 * not laid out as Chromium (Skia) writes it: one classic cross-reference
 * table, no earlier update, no encryption. Pure.
 */
export function appendMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array | undefined {
  try {
    return append(pdf, metadata);
  } catch {
    return undefined;
  }
}

/** The whole file parsed and saved again by pdf-lib: slow (tens of ms), but for any PDF. */
async function rewriteMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setLanguage(metadata.lang);
  document.setCreator(metadata.creator);
  document.setProducer(metadata.creator);
  return document.save({ useObjectStreams: false });
}

const ascii = new TextDecoder('latin1');
const encoder = new TextEncoder();

function append(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array | undefined {
  const tail = ascii.decode(pdf.subarray(Math.max(0, pdf.length - 1024)));
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!end) return undefined;
  const xrefAt = Number(end[1]);
  const offsets = xrefTable(pdf, xrefAt);
  if (!offsets) return undefined;

  const context = PDFContext.create();
  const trailer = parseAt(pdf, offsets.trailerAt, context);
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Prev')) || trailer.has(PDFName.of('Encrypt')) || trailer.has(PDFName.of('XRefStm'))) return undefined;
  const size = trailer.get(PDFName.of('Size'));
  const root = trailer.get(PDFName.of('Root'));
  const info = trailer.get(PDFName.of('Info'));
  if (!(size instanceof PDFNumber) || !(root instanceof PDFRef)) return undefined;

  const catalog = indirectObject(pdf, offsets.entries, root, context);
  if (!(catalog instanceof PDFDict) || catalog.get(PDFName.of('Type')) !== PDFName.of('Catalog')) return undefined;
  const oldInfo = info instanceof PDFRef ? indirectObject(pdf, offsets.entries, info, context) : undefined;
  if (info !== undefined && !(oldInfo instanceof PDFDict)) return undefined;

  const changed: Array<{ ref: PDFRef; object: PDFDict }> = [];
  let nextNumber = size.asNumber();
  // Kept from Chromium's information: the dates. The rest is ours.
  const infoRef = info instanceof PDFRef ? info : PDFRef.of(nextNumber++);
  const newInfo = oldInfo instanceof PDFDict ? oldInfo.clone(context) : PDFDict.withContext(context);
  newInfo.set(PDFName.of('Title'), PDFHexString.fromText(metadata.title));
  newInfo.set(PDFName.of('Author'), PDFHexString.fromText(metadata.author));
  newInfo.set(PDFName.of('Subject'), PDFHexString.fromText(metadata.subject));
  newInfo.set(PDFName.of('Creator'), PDFHexString.fromText(metadata.creator));
  newInfo.set(PDFName.of('Producer'), PDFHexString.fromText(metadata.creator));
  changed.push({ ref: infoRef, object: newInfo });

  // Chromium names the page's language and shows the title in the window already: then the catalog is left alone.
  const lang = /^[A-Za-z0-9-]*$/.test(metadata.lang) ? PDFString.of(metadata.lang) : PDFHexString.fromText(metadata.lang);
  const preferencesEntry = catalog.get(PDFName.of('ViewerPreferences'));
  const preferences = preferencesEntry instanceof PDFRef ? indirectObject(pdf, offsets.entries, preferencesEntry, context) : preferencesEntry;
  if (preferences !== undefined && !(preferences instanceof PDFDict)) return undefined;
  const newCatalog = catalog.clone(context);
  let catalogChanged = false;
  if (!sameText(catalog.get(PDFName.of('Lang')), metadata.lang)) {
    newCatalog.set(PDFName.of('Lang'), lang);
    catalogChanged = true;
  }
  if (preferences?.get(PDFName.of('DisplayDocTitle')) !== PDFBool.True) {
    const newPreferences = preferences ? preferences.clone(context) : PDFDict.withContext(context);
    newPreferences.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
    if (preferencesEntry instanceof PDFRef) changed.push({ ref: preferencesEntry, object: newPreferences });
    else {
      newCatalog.set(PDFName.of('ViewerPreferences'), newPreferences);
      catalogChanged = true;
    }
  }
  if (catalogChanged) changed.push({ ref: root, object: newCatalog });

  const newTrailer = trailer.clone(context);
  newTrailer.set(PDFName.of('Size'), PDFNumber.of(nextNumber));
  newTrailer.set(PDFName.of('Info'), infoRef);
  newTrailer.set(PDFName.of('Prev'), PDFNumber.of(xrefAt));

  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  let text = separator;
  let position = pdf.length + separator.length;
  const xref: string[] = ['xref\n'];
  for (const { ref, object } of changed.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber)) {
    const body = `${ref.objectNumber} ${ref.generationNumber} obj\n${object.toString()}\nendobj\n`;
    xref.push(`${ref.objectNumber} 1\n${String(position).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r\n`);
    text += body;
    position += body.length;
  }
  text += `${xref.join('')}trailer\n${newTrailer.toString()}\nstartxref\n${position}\n%%EOF\n`;
  // Every string above is ASCII (names, numbers, hex strings), so characters and bytes are one to one.
  if (!/^[\x00-\x7f]*$/.test(text)) return undefined;
  const update = encoder.encode(text);
  const result = new Uint8Array(pdf.length + update.length);
  result.set(pdf, 0);
  result.set(update, pdf.length);
  return result;
}

/** The entries in use of the classic cross-reference table at `at`, and where its trailer starts; `undefined` for anything else. */
function xrefTable(pdf: Uint8Array, at: number): { entries: Map<number, { offset: number; generation: number }>; trailerAt: number } | undefined {
  if (at <= 0 || at >= pdf.length) return undefined;
  const text = ascii.decode(pdf.subarray(at));
  const header = /^xref[ \t]*\r?\n/.exec(text);
  if (!header) return undefined;
  const entries = new Map<number, { offset: number; generation: number }>();
  let cursor = header[0].length;
  const subsection = /^(\d+) (\d+)[ \t]*\r?\n/y;
  const entry = /(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)/y;
  for (;;) {
    subsection.lastIndex = 0;
    const found = subsection.exec(text.slice(cursor, cursor + 40));
    if (!found) break;
    cursor += found[0].length;
    const first = Number(found[1]);
    const count = Number(found[2]);
    for (let index = 0; index < count; index++) {
      entry.lastIndex = cursor;
      const row = entry.exec(text);
      if (!row) return undefined;
      cursor = entry.lastIndex;
      if (row[3] === 'n') entries.set(first + index, { offset: Number(row[1]), generation: Number(row[2]) });
    }
  }
  const trailer = /^\s*trailer\s*/.exec(text.slice(cursor, cursor + 40));
  if (!trailer) return undefined;
  return { entries, trailerAt: at + cursor + trailer[0].length };
}

/** The object `ref` points to, when the table names it and it starts where the table says. */
function indirectObject(pdf: Uint8Array, entries: ReadonlyMap<number, { offset: number; generation: number }>, ref: PDFRef, context: PDFContext): PDFObject | undefined {
  const entry = entries.get(ref.objectNumber);
  if (!entry || entry.generation !== ref.generationNumber) return undefined;
  const head = /^(\d+)\s+(\d+)\s+obj\b\s*/.exec(ascii.decode(pdf.subarray(entry.offset, entry.offset + 40)));
  if (!head || Number(head[1]) !== ref.objectNumber || Number(head[2]) !== ref.generationNumber) return undefined;
  return parseAt(pdf, entry.offset + head[0].length, context);
}

function parseAt(pdf: Uint8Array, at: number, context: PDFContext): PDFObject {
  return PDFObjectParser.forBytes(pdf.subarray(at), context).parseObject();
}

function sameText(value: PDFObject | undefined, text: string): boolean {
  return (value instanceof PDFString || value instanceof PDFHexString) && value.decodeText() === text;
}
