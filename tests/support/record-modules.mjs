// Preloaded with `node --import`: appends the URL of every module the process
// loads to the file named by CAREERPLAN_MODULES_LOG, so a test can tell which
// libraries a command needed.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.CAREERPLAN_MODULES_LOG ?? '/dev/null')}, resolved.url + '\\n');
  return resolved;
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
