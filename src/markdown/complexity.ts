/**
 * A linear pre-scan of a Markdown body that refuses the shapes that make
 * Markdown parsers slow or overflow their stack (deeply nested containers,
 * thousands of unmatched emphasis delimiters), before the parser sees them.
 * Pure.
 */

/** Deepest nesting of block quotes and lists a plan may use. */
export const maxContainerDepth = 100;
/** Most emphasis, code and link delimiters in one paragraph. */
export const maxDelimitersPerBlock = 2_000;
/** Most emphasis, code and link delimiters in one file. */
export const maxDelimitersPerFile = 40_000;

/** Where and why a body is too complex to parse safely. */
export interface TooComplex {
  readonly offset: number;
  readonly message: string;
}

const delimiters = new Set(['*', '_', '~', '[', ']', '`', '<']);

/** Returns why `text` (from `start` on) is too complex for the Markdown parser, or `undefined`. */
export function findTooComplex(text: string, start = 0): TooComplex | undefined {
  let inFence: string | undefined;
  let blockCount = 0;
  let blockStart = start;
  let fileCount = 0;
  let lineStart = start;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);

    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (inFence) {
      if (fence && fence[0] === inFence[0] && fence.length >= inFence.length) inFence = undefined;
    } else if (fence) {
      inFence = fence;
    } else if (line.trim() === '' || line.includes('|')) {
      blockCount = 0;
      blockStart = line.trim() === '' ? lineEnd + 1 : lineStart;
    }

    if (!inFence && !fence) {
      const depth = containerDepth(line);
      if (depth > maxContainerDepth) {
        return { offset: lineStart, message: `Unexpected ${depth} levels of nested quotes or lists, expected at most ${maxContainerDepth}` };
      }
      const count = countDelimiters(line);
      blockCount += count;
      fileCount += count;
      if (blockCount > maxDelimitersPerBlock) {
        return {
          offset: blockStart,
          message: `Unexpected paragraph with over ${maxDelimitersPerBlock} emphasis, code or link markers, expected fewer: split it or put it in a code block`,
        };
      }
      if (fileCount > maxDelimitersPerFile) {
        return { offset: lineStart, message: `Unexpected body with over ${maxDelimitersPerFile} emphasis, code or link markers, expected fewer` };
      }
      if (line.includes('|')) blockCount = 0;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Block quote and list markers opening a line, counting every two columns of indentation as a level. */
function containerDepth(line: string): number {
  let depth = 0;
  let index = 0;
  let indent = 0;
  while (index < line.length) {
    const char = line[index];
    if (char === ' ') indent += 1;
    else if (char === '\t') indent += 4;
    else if (char === '>') depth += 1;
    else if ((char === '-' || char === '*' || char === '+') && (line[index + 1] === ' ' || line[index + 1] === '\t')) depth += 1;
    else {
      const ordered = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(index, index + 11));
      if (!ordered) break;
      depth += 1;
      index += ordered[0].length;
      continue;
    }
    index += 1;
  }
  return depth + Math.floor(indent / 2);
}

function countDelimiters(line: string): number {
  let count = 0;
  for (const char of line) if (delimiters.has(char)) count += 1;
  return count;
}
