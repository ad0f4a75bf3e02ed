import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

const spec = (body: string) =>
  `import { test } from './support/fixtures';\ntest('x', async ({ page }) => {\n  ${body}\n});\n`;

describe('page objects own every locator in the end-to-end specs', () => {
  it.each([
    "await page.getByTestId('add-sample').click();",
    'await page.locator(\'[data-app-state="ready"]\').waitFor();',
    "await page.getByRole('button', { name: 'Save' }).click();",
    "await page.getByLabel('Endpoint').fill('x');",
  ])('a spec that builds a locator is a lint error: %s', async (body) => {
    expect(await ruleIdsFor('test/e2e/x.spec.ts', spec(body))).toContain('no-restricted-syntax');
  });

  it('a spec calling page-object steps passes, and a page object may build locators', async () => {
    expect(
      await ruleIdsFor('test/e2e/x.spec.ts', spec("await page.keyboard.press('Tab');")),
    ).not.toContain('no-restricted-syntax');
    const pageObject =
      "import type { Locator, Page } from '@playwright/test';\nexport const cards = (page: Page): Locator => page.getByTestId('paragraph-card');\n";
    expect(await ruleIdsFor('test/e2e/pages/X.ts', pageObject)).not.toContain(
      'no-restricted-syntax',
    );
  });
});
