// Browser journeys through vigil's pages in Debian's Chromium, driven by
// playwright-core, with axe-core run on every page visited (WCAG 2.2 AA
// tags, zero violations expected). Each journey runs at desktop width and at
// 360 px; the last page of each is kept as a screenshot.
//
//   node tests/browser/journeys.mjs --base-url http://127.0.0.1:PORT --out DIR
//
// Exits 0 when every journey passes, 1 otherwise (each failure printed).

import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import assert from 'node:assert/strict'

const require = createRequire(import.meta.url)
const axePath = require.resolve('axe-core/axe.min.js')

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, index, all) =>
    index % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[index + 1]]] : pairs, []))
const baseUrl = args['base-url']
const outDir = args.out
if (!baseUrl || !outDir) {
  console.error('usage: journeys.mjs --base-url URL --out DIR')
  process.exit(2)
}
mkdirSync(outDir, { recursive: true })

const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 740 }
]
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

// Runs axe-core on the page; fails naming every violation and its nodes.
async function checkAccessibility (page, where) {
  await page.addScriptTag({ path: axePath })
  const results = await page.evaluate(async (tags) =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), axeTags)
  const problems = results.violations.map((violation) =>
    `${violation.id} (${violation.impact}): ${violation.help}\n` +
    violation.nodes.map((node) => `      ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'))
  assert.equal(problems.length, 0, `axe found violations on ${where}:\n    ${problems.join('\n    ')}`)
}

// Goes to `path` (or waits for the navigation a click started), checks the
// status and accessibility, and returns the page.
async function visit (page, path, expectedStatus = 200) {
  const response = await page.goto(baseUrl + path)
  assert.equal(response.status(), expectedStatus, `GET ${path}`)
  await checkAccessibility(page, path)
  return page
}

async function clickAndCheck (page, locator, what) {
  await Promise.all([page.waitForNavigation(), locator.click()])
  await checkAccessibility(page, `${what} (${page.url()})`)
}

// A report made through the JSON API whose included (not principal)
// classification is stalking, so searching by it proves included
// classifications are searched.
async function createIncludedStalkingReport () {
  const reference = `WM/BROWSER/${Date.now()}`
  // A surname of letters unique to this run, so earlier runs' people on the
  // same store never make the name ambiguous.
  const familyName = 'Okonkwo' + Date.now().toString(26).replace(/[0-9]/g, (digit) =>
    'abcdefghij'[digit]).toLowerCase()
  const person = await fetch(`${baseUrl}/api/v1/persons`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      force: 'west_midlands',
      names: [{ given_name: 'Quinn', family_name: familyName, alias: false },
        { given_name: 'Q', family_name: 'Brown', alias: true }],
      date_of_birth: '1988-02-14',
      phones: ['07700 900456']
    })
  })
  assert.equal(person.status, 201, await person.clone().text())
  const personId = (await person.json()).id
  const report = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      force: 'west_midlands',
      force_reference: reference,
      received_at: new Date(Date.now() - 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
      reporting_officer: 'PC 4411 Browser',
      narrative: 'Repeated messages and waiting outside the victim\'s home.',
      principal_classification: 'harassment',
      included_classifications: ['stalking'],
      persons: [{ person_id: personId, role: 'suspect' }],
      occasions: [{
        occurred_on: new Date(Date.now() - 86400 * 1000).toISOString().slice(0, 10),
        occurred_at: '21:40',
        channel: 'text_message',
        behaviours: ['contacting'],
        summary: 'Forty messages in one evening.'
      }]
    })
  })
  assert.equal(report.status, 201, await report.clone().text())
  return { reference, personId, familyName }
}

const journeys = {
  // Home: tasks (overdue first) and cases; open the first case.
  async 'home-to-case' (page) {
    await visit(page, '/')
    await page.getByRole('heading', { level: 1, name: 'Your work' }).waitFor()
    const caseLink = page.locator('table[aria-labelledby="cases-heading"] a').first()
    await clickAndCheck(page, caseLink, 'case page')
    await page.locator('.moj-timeline__item').first().waitFor()
    assert.ok(await page.locator('.moj-timeline__item').count() >= 2, 'the timeline has entries')
  },

  // Search by an included classification, open the report, then the person.
  async 'search-included-classification' (page, data) {
    await visit(page, '/reports')
    await page.getByLabel('Classification (principal or included)').selectOption('stalking')
    await clickAndCheck(page, page.getByRole('button', { name: 'Apply filters' }), 'search results')
    const link = page.getByRole('link', { name: data.reference })
    await link.waitFor()
    await clickAndCheck(page, link, 'report page')
    await page.getByRole('heading', { level: 1, name: data.reference }).waitFor()
    assert.match(await page.locator('main').innerText(), /Included classifications\s+Stalking/)
    await clickAndCheck(page, page.getByRole('link', { name: `Quinn ${data.familyName}` }), 'person page')
    assert.match(await page.locator('main').innerText(), /07700 900456/)
    assert.match(await page.locator('main').innerText(), /Alias/)
  },

  // A form with a problem: the error summary links to the field.
  async 'search-error-summary' (page) {
    await visit(page, '/reports')
    await page.locator('#from-day').fill('31')
    await page.locator('#from-month').fill('2')
    await page.locator('#from-year').fill('2026')
    await Promise.all([page.waitForNavigation(),
      page.getByRole('button', { name: 'Apply filters' }).click()])
    await checkAccessibility(page, 'search with errors')
    const summary = page.locator('.govuk-error-summary')
    await summary.waitFor()
    assert.match(await page.title(), /^Error: /)
    await summary.getByRole('link', { name: 'Received from must be a real date' }).click()
    assert.equal(await page.evaluate(() => document.activeElement.id), 'from-day')
  },

  // Server-side sorting: the Received column flips between orders.
  async 'search-sorting' (page) {
    await visit(page, '/reports')
    const header = page.locator('th[aria-sort]')
    assert.equal(await header.getAttribute('aria-sort'), 'descending')
    await clickAndCheck(page, header.locator('a'), 'sorted oldest first')
    assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending')
    assert.match(page.url(), /sort=oldest/)
  },

  // The cases list and the people search, ending on a person.
  async 'cases-and-people' (page, data) {
    await visit(page, '/cases?owner=mine')
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor()
    await visit(page, `/persons?name=${data.familyName}`)
    await clickAndCheck(page, page.getByRole('link', { name: `Quinn ${data.familyName}` }), 'person page')
    await visit(page, '/reports/999999999', 404)
  }
}

async function main () {
  let context = null
  const failures = []
  try {
    const data = await createIncludedStalkingReport()
    const chromiumBrowser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync']
      // Playwright gives each launch a new, empty profile folder (its own
      // --user-data-dir) and removes it on close.
    })
    try {
      // Under the real Content-Security-Policy: no console errors, the
      // layout's inline script ran (its hash is allowed) and GOV.UK
      // Frontend started.
      {
        context = await chromiumBrowser.newContext({ viewport: { width: 360, height: 740 } })
        const page = await context.newPage()
        const errors = []
        page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
        page.on('pageerror', (error) => errors.push(error.message))
        await page.goto(baseUrl + '/')
        assert.ok(await page.evaluate(() =>
          document.body.classList.contains('govuk-frontend-supported')), 'inline script ran')
        await page.locator('.govuk-service-navigation__toggle:not([hidden])').waitFor()
        assert.deepEqual(errors, [], 'no console errors under the CSP')
        await context.close()
        console.log('ok   csp-and-javascript')
      }
      // Without JavaScript the pages still work.
      {
        context = await chromiumBrowser.newContext({ javaScriptEnabled: false })
        const page = await context.newPage()
        await page.goto(baseUrl + '/reports?classification=stalking')
        await page.getByRole('link', { name: data.reference }).waitFor()
        await context.close()
        console.log('ok   without-javascript')
      }
      for (const viewport of viewports) {
        for (const [name, journey] of Object.entries(journeys)) {
          context = await chromiumBrowser.newContext({
            viewport: { width: viewport.width, height: viewport.height },
            bypassCSP: true // axe-core is injected as a script.
          })
          const page = await context.newPage()
          const label = `${name} at ${viewport.name} (${viewport.width} px)`
          try {
            await journey(page, data)
            const width = await page.evaluate(() => document.documentElement.scrollWidth)
            assert.ok(width <= viewport.width, `no horizontal scrolling (${width} px wide)`)
            console.log(`ok   ${label}`)
          } catch (error) {
            failures.push(`${label}: ${error.message}`)
            console.log(`FAIL ${label}\n     ${error.message}`)
          } finally {
            await page.screenshot({ path: join(outDir, `${name}-${viewport.name}.png`), fullPage: true })
              .catch(() => {})
            await context.close()
            context = null
          }
        }
      }
    } finally {
      await chromiumBrowser.close()
    }
  } catch (error) {
    failures.push(error.stack || String(error))
    console.log(`FAIL ${error.stack || error}`)
  }
  if (failures.length > 0) {
    console.log(`\n${failures.length} journey(s) failed`)
    process.exit(1)
  }
  console.log('\nall journeys passed')
}

await main()
