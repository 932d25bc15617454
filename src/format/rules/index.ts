/** Every rule of the plan format, by permanent id. */
import { badAttachment } from './bad-attachment.js';
import { badDate } from './bad-date.js';
import { badFile } from './bad-file.js';
import { brokenLink } from './broken-link.js';
import { doneBeforeStart } from './done-before-start.js';
import { doneInFuture } from './done-in-future.js';
import { duplicateId } from './duplicate-id.js';
import { goalNeedsDue } from './goal-needs-due.js';
import { goalNeedsKind } from './goal-needs-kind.js';
import { goalNeedsMeasure } from './goal-needs-measure.js';
import { goalNeedsStep } from './goal-needs-step.js';
import { indent } from './indent.js';
import { needsEvaluation } from './needs-evaluation.js';
import { needsVision } from './needs-vision.js';
import { overdue } from './overdue.js';
import { placeholderText } from './placeholder-text.js';
import { privateFile } from './private-file.js';
import { quoteColon } from './quote-colon.js';
import { quoteText } from './quote-text.js';
import { rawHtml } from './raw-html.js';
import { remoteContent } from './remote-content.js';
import { reservedName } from './reserved-name.js';
import type { Rule } from './rule.js';
import { schema } from './schema.js';
import { splitItem } from './split-item.js';
import { startAfterDue } from './start-after-due.js';
import { stepAfterGoal } from './step-after-goal.js';
import { tabIndent } from './tab-indent.js';
import { tooComplex } from './too-complex.js';
import { unknownKey } from './unknown-key.js';
import { unknownSkill } from './unknown-skill.js';
import { vagueMeasure } from './vague-measure.js';
import { yamlSyntax } from './yaml-syntax.js';

/** The rules in the order of the format's table; rules that claim schema issues come before `schema`. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  quoteColon,
  indent,
  tabIndent,
  splitItem,
  quoteText,
  goalNeedsStep,
  goalNeedsMeasure,
  goalNeedsDue,
  badDate,
  schema,
  unknownKey,
  startAfterDue,
  stepAfterGoal,
  duplicateId,
  reservedName,
  unknownSkill,
  overdue,
  needsEvaluation,
  needsVision,
  goalNeedsKind,
  vagueMeasure,
  placeholderText,
  doneInFuture,
  doneBeforeStart,
  brokenLink,
  privateFile,
  badAttachment,
  remoteContent,
  rawHtml,
  badFile,
  tooComplex,
];

/** Rule ids, for configuration checks. */
export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
