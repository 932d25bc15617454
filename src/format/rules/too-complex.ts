import { inlineMarkdownTexts } from '../../markdown/inline-markdown.js';
import { inlineTooComplex } from '../../markdown/html.js';
import type { PlanContext, Report, Rule } from './rule.js';

/** Input shaped to make parsers slow or crash: in the body, reported by the parse stage; in `vision`, a note or a reflection, by this rule. */
export const tooComplex: Rule = {
  id: 'too-complex',
  severity: 'error',
  summary: 'the body, `vision`, a note or a reflection nests quotes or lists too deeply, or has thousands of emphasis markers in a row',
  *check(context: PlanContext): Iterable<Report> {
    for (const { path, text } of inlineMarkdownTexts(context.data)) {
      const found = inlineTooComplex(text);
      if (found) yield { place: context.place(path), message: found.message };
    }
  },
};
