import fc from 'fast-check';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFBool, PDFHexString } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { appendMetadata, withMetadata, type PdfMetadata } from '../../src/print/metadata.js';

const metadata: PdfMetadata = {
  title: 'Karriereplan 2027–2031 „Förderanlage“ (Entwurf)',
  author: 'Jürgen Müller (he/him)',
  subject: 'Karriereplan 2027–2031',
  lang: 'de-DE',
  creator: 'careerplan 0.1.0',
};

/** A PDF laid out as Chromium writes one: a classic cross-reference table, a trailer naming `/Info`. */
async function classicPdf(pages = 2): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  for (let page = 0; page < pages; page++) document.addPage([595.92, 841.92]).drawText(`page ${page + 1}`);
  document.setTitle('From the page');
  document.setCreationDate(new Date('2026-11-26T10:00:00Z'));
  return document.save({ useObjectStreams: false });
}

const catalogOf = (document: PDFDocument): PDFDict => document.catalog;
const text = (value: unknown): string | undefined => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

describe('withMetadata', () => {
  test('appends an update: the original bytes stay as they are, the metadata is read from the new revision', async () => {
    const original = await classicPdf();
    const updated = appendMetadata(original, metadata);
    expect(updated).toBeDefined();
    if (!updated) return;
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    expect(updated.length - original.length).toBeLessThan(2048);

    const document = await PDFDocument.load(updated, { updateMetadata: false });
    expect(document.getTitle()).toBe(metadata.title);
    expect(document.getAuthor()).toBe(metadata.author);
    expect(document.getSubject()).toBe(metadata.subject);
    expect(document.getCreator()).toBe(metadata.creator);
    expect(document.getProducer()).toBe(metadata.creator);
    expect(document.getCreationDate()?.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(document.getPageCount()).toBe(2);
    const catalog = catalogOf(document);
    expect(text(catalog.get(PDFName.of('Lang')))).toBe('de-DE');
    expect(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
  });

  test('the update ends the file as a PDF must: startxref pointing at its own table, then %%EOF', async () => {
    const updated = appendMetadata(await classicPdf(), metadata) as Uint8Array;
    const tail = Buffer.from(updated).toString('latin1');
    const match = /startxref\n(\d+)\n%%EOF\n$/.exec(tail);
    expect(match).not.toBeNull();
    expect(tail.slice(Number(match?.[1]), Number(match?.[1]) + 5)).toBe('xref\n');
    expect(tail).toMatch(/\/Prev \d+/);
  });

  test('a catalog that already names the language and shows the title is not rewritten', async () => {
    const document = await PDFDocument.create({ updateMetadata: false });
    document.addPage();
    document.setLanguage('de-DE');
    document.setTitle('x', { showInWindowTitleBar: true });
    const original = await document.save({ useObjectStreams: false });
    const updated = appendMetadata(original, metadata) as Uint8Array;
    const update = Buffer.from(updated.subarray(original.length)).toString('latin1');
    expect(update).not.toContain('/Catalog');
    expect(update).toContain('/Author');
  });

  test('a language of other characters is written as text, not as raw bytes', async () => {
    const updated = appendMetadata(await classicPdf(), { ...metadata, lang: 'x)(y' }) as Uint8Array;
    expect(text(catalogOf(await PDFDocument.load(updated)).get(PDFName.of('Lang')))).toBe('x)(y');
  });

  test('a PDF laid out otherwise is rewritten whole, with the same result', async () => {
    const withStreams = await (await PDFDocument.load(await classicPdf())).save({ useObjectStreams: true });
    expect(appendMetadata(withStreams, metadata)).toBeUndefined();
    const alreadyUpdated = appendMetadata(await classicPdf(), metadata) as Uint8Array;
    expect(appendMetadata(alreadyUpdated, metadata)).toBeUndefined();
    for (const pdf of [withStreams, alreadyUpdated]) {
      const document = await PDFDocument.load(await withMetadata(pdf, { ...metadata, author: 'Someone Else' }));
      expect(document.getAuthor()).toBe('Someone Else');
      expect(document.getTitle()).toBe(metadata.title);
      expect(text(catalogOf(document).get(PDFName.of('Lang')))).toBe('de-DE');
    }
  });

  test('no input makes the incremental update throw; what it returns is a PDF pdf-lib reads', async () => {
    const base = await classicPdf(1);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: base.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 8 }), async (at, bytes) => {
        const damaged = new Uint8Array(base);
        damaged.set(bytes.subarray(0, Math.max(0, damaged.length - at)), at);
        const updated = appendMetadata(damaged, metadata);
        if (updated) expect(Buffer.from(updated.subarray(0, damaged.length)).equals(Buffer.from(damaged))).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(appendMetadata(new Uint8Array(0), metadata)).toBeUndefined();
    expect(appendMetadata(new TextEncoder().encode('%PDF-1.4\nstartxref\n99999\n%%EOF\n'), metadata)).toBeUndefined();
  });
});
