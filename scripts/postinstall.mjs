#!/usr/bin/env node
/**
 * careerplan's postinstall: makes sure a browser can print the PDFs (see
 * browser-setup.mjs) and never fails the install, whatever happens.
 */
const warn = (error) => console.warn(`careerplan: could not set up a browser for PDFs (${error instanceof Error ? error.message : String(error)}); \`careerplan doctor\` tells more`);
process.on('uncaughtException', (error) => {
  warn(error);
  process.exit(0);
});
process.on('unhandledRejection', (error) => {
  warn(error);
  process.exit(0);
});

try {
  const { realWorld, setUpBrowser } = await import('./browser-setup.mjs');
  await setUpBrowser(realWorld());
} catch (error) {
  warn(error);
}
process.exit(0);
