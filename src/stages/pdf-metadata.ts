/**
 * PDF metadata Chromium cannot set: the author, the language, the creator.
 * Pure: bytes in, bytes out.
 */
import { PDFDocument } from 'pdf-lib';

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
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setLanguage(metadata.lang);
  document.setCreator(metadata.creator);
  document.setProducer(metadata.creator);
  return document.save({ useObjectStreams: false });
}
