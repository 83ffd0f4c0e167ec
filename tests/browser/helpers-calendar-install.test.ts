import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startHarness, waitForApp, SAMPLE_MRN, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('Write to DWP', () => {
  it('writes a mandatory reconsideration request in English and copies it', async () => {
    // No service worker here: its one-off "Ready to use offline" message would
    // share the status line with "Copied." and could replace it.
    const context = await harness.newContext({ permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/helpers');
    await waitForApp(page);

    await page.getByRole('button', { name: 'Write my request' }).click();
    const summary = page.locator('#mr-errors');
    await expect(summary.textContent()).resolves.toContain('Enter the date of the decision');

    const decisionDate = page.getByRole('group', { name: 'Date of the decision' });
    await decisionDate.getByLabel('Day').fill('3');
    await decisionDate.getByLabel('Month').fill('11');
    await decisionDate.getByLabel('Year').fill('2026');
    await page.getByLabel('What the decision is about').fill('my housing costs');
    await page.getByLabel('Why you think the decision is wrong').fill('My rent is £650 a month, not £500.');
    await page.getByRole('button', { name: 'Write my request' }).click();

    const request = page.getByLabel('Your request');
    const text = await request.inputValue();
    expect(text).toContain('mandatory reconsideration of the decision dated 3 November 2026 about my housing costs');
    expect(text).toContain('My rent is £650 a month, not £500.');

    // The Clipboard API needs the page to have focus (a phone's open app has it).
    await page.bringToFront();
    await page.getByRole('button', { name: 'Copy' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(text);

    // Nothing typed is lost on a reload.
    await page.reload();
    await waitForApp(page);
    await expect(page.getByLabel('What the decision is about').inputValue()).resolves.toBe('my housing costs');
    await context.close();
  });

  it('writes an explicit-consent note naming the adviser, what may be shared, why and until when', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/helpers');
    await waitForApp(page);
    await page.getByLabel("Adviser's full name").fill('Sam Jones');
    await page.getByLabel('Their organisation').fill('Cardiff Citizens Advice');
    await page.getByLabel('My housing costs').check();
    await page.getByLabel('Why they need to talk to DWP').fill('help me with my housing costs');
    const until = page.getByRole('group', { name: 'Date the consent ends' });
    await until.getByLabel('Day').fill('28');
    await until.getByLabel('Month').fill('2');
    await until.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Write my note' }).click();
    const note = await page.getByLabel('Your note').inputValue();
    expect(note).toContain('explicit consent');
    expect(note).toContain('Sam Jones');
    expect(note).toContain('Cardiff Citizens Advice');
    expect(note).toMatch(/housing costs/);
    expect(note).toContain('28 February 2027');
    await context.close();
  });
});

describe('a deadline in the calendar, and read aloud', () => {
  it('downloads an .ics event for the appeal deadline', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByLabel('Your message').fill(SAMPLE_MRN);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /Add to calendar/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261209');
    expect(ics).toContain('TRIGGER:-P7D');
    await context.close();
  });

  it('reads the explanation aloud in the chosen language', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    // Record what would be spoken: headless Chromium has no voices.
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => void spoken.push({ text: utterance.text, lang: utterance.lang });
    });
    await page.goto('/explain');
    await waitForApp(page);
    await page.getByLabel('Your message').fill(SAMPLE_MRN);
    await page.getByRole('button', { name: 'Read aloud' }).click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe('en-GB');
    expect(spoken[0]!.text).toMatch(/reconsideration notice/i);
    expect(spoken[0]!.text).toContain('9 December 2026');
    await context.close();
  });
});

describe('installing the app', () => {
  it('has a manifest with standalone display, a theme colour and maskable icons that load', async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await waitForApp(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = (await (await page.request.get(href!)).json()) as {
      display: string;
      theme_color: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.start_url).toBe('/');
    expect(manifest.icons.some((icon) => icon.sizes === '192x192')).toBe(true);
    expect(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const response = await page.request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    await context.close();
  });
});
