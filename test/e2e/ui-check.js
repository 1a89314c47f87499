#!/usr/bin/env node
'use strict';
// UI check in the real workbench (code-server + headless chromium, run by scripts/e2e/run.sh after
// the extension tests): the binding file shows btslint's squiggle, the Problems panel lists the
// binding's finding and the topology's (a file never opened), the status bar shows the btslint
// item, the hover shows the finding, and the escaped adapter settings are coloured as XML tags by the
// injection grammar. Screenshots go to $BTSLINT_E2E_OUT.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const ui = require(process.env.BTSLINT_E2E_UI_LIB || path.join(__dirname, 'ui-lib.js'));

const OUT = process.env.BTSLINT_E2E_OUT || path.join(__dirname, '..', '..', 'test-output', 'e2e');

/**
 * The rendered spans (text, monaco token class mtkN) of the editor line that holds `lineText`.
 * Monaco merges neighbouring tokens of the same colour into one span.
 */
async function lineSpans(page, lineText) {
  return page.evaluate((t) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      if (!line.textContent.includes(t)) continue;
      return [...line.querySelectorAll('span span')].map((s) => [s.textContent, s.className.split(' ')[0]]);
    }
    return null;
  }, lineText);
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const { page, close } = await ui.launchBrowser();
  try {
    await ui.openWorkbench(page);
    await ui.openFile(page, 'Bindings.xml');

    // 1. The Problems panel lists the binding's finding and the unopened topology's.
    const problems = await ui.openProblems(page, { waitForText: 'msgbox-not-clustered', timeout: 60000 });
    assert.match(problems, /Bindings\.xml/);
    assert.match(problems, /ftp-sftp-receive-not-clustered/);
    assert.match(problems, /prod\.topology\.yaml/);
    assert.match(problems, /btslint/);
    console.log(`ui-check: Problems panel:\n${problems.split('\n').slice(0, 12).map((l) => '  ' + l).join('\n')}`);

    // 2. The status bar item: the problems of the last check (a re-check still running, of the
    // topology the binding names, shows "btslint: checking" until it is done).
    const status = await ui.waitForStatusBar(page, /btslint: \d+ problems?/);
    assert.match(status, /btslint: \d+ problems?/);

    // 3. The FTP problem: a double-click jumps to it (line 86), where btslint's squiggle is; its hover.
    const rows = page.locator('.markers-panel .monaco-list-row').filter({ has: page.locator('.marker-message-details, .marker-message') });
    const texts = await rows.allInnerTexts();
    const ftp = texts.findIndex((t) => t.includes('FtpReceiveLocation'));
    assert.ok(ftp >= 0, `no FTP problem row among: ${texts.join(' | ')}`);
    const hover = await ui.showHoverForProblem(page, ftp);
    assert.match(hover, /runs in host "BizTalkServerApplication"/);
    const squiggles = await ui.waitForSquiggle(page, 'error', { timeout: 30000 });
    assert.ok(squiggles >= 1);
    await ui.screenshot(page, path.join(OUT, 'btslint-squiggle-problems.png'));

    // 5. The injection grammar: in the receive location's settings (line 80, on screen with line 86),
    // an escaped tag gets the colour of a real XML tag; a setting's value does not.
    await page.keyboard.press('Escape');
    const spans = await lineSpans(page, '<ReceiveLocationTransportTypeData>&lt;CustomProps&gt;');
    assert.ok(spans, 'the ReceiveLocationTransportTypeData line is on screen');
    const classOf = (pred, what) => {
      const hit = spans.find(([text]) => pred(text));
      assert.ok(hit, `no span with ${what} in ${JSON.stringify(spans.slice(0, 30))}`);
      return hit[1];
    };
    const realTag = classOf((t) => t.includes('ReceiveLocationTransportTypeData'), 'the element name');
    assert.strictEqual(classOf((t) => t.includes('CustomProps'), 'CustomProps'), realTag, 'an escaped tag is coloured like an XML tag');
    assert.strictEqual(classOf((t) => t.includes('serverAddress'), 'serverAddress'), realTag, 'a double-escaped tag (inside AdapterConfig) too');
    assert.notStrictEqual(classOf((t) => t === '127.0.0.1', 'the value 127.0.0.1'), realTag, 'a setting value is not coloured like a tag');
    assert.notStrictEqual(classOf((t) => t === 'vt', 'the attribute vt'), realTag, 'an escaped attribute name has the attribute colour');
    await ui.screenshot(page, path.join(OUT, 'btslint-escaped-settings.png'));
    console.log(`ui-check: passed; screenshots in ${OUT}`);
  } finally {
    await close();
  }
})().catch((e) => {
  console.error(`ui-check: ${(e && e.stack) || e}`);
  process.exit(1);
});
