// Scores results of the cache-tests suite as cache-tests.fyi does (lib/display.mjs determineTestResult): a test
// whose dependency did not pass is not counted as passed; required tests (kind "required" or none) pass or fail,
// optimal ones pass or not, "check" tests are not scored. Shared-cache tests only: those marked browser_only are
// left out.
//
//   node score.mjs SUITE_DIR RESULTS.json [NAME]      prints one JSON line: {"name", "required", "requiredPassed",
//                                                     "optimal", "optimalPassed", "failing": [ids]}
//   node score.mjs SUITE_DIR --published              the same line for every published result of the suite
//   node score.mjs SUITE_DIR --markdown RESULTS.json   a Markdown table of RESULTS next to the published results,
//                                                     then the required tests RESULTS fails, with the suite's reason
import { readFileSync } from 'fs'
import { pathToFileURL } from 'url'
import path from 'path'

const [suiteDir, resultsArg, name] = process.argv.slice(2)
const suites = (await import(pathToFileURL(path.join(suiteDir, 'tests/index.mjs')))).default
suites.push((await import(pathToFileURL(path.join(suiteDir, 'tests/surrogate-control.mjs')))).default)
const tests = new Map()
suites.forEach(suite => suite.tests.forEach(test => tests.set(test.id, test)))

function passed (id, results, seen = new Set()) {
  const test = tests.get(id)
  const result = results[id]
  if (result === undefined || seen.has(id)) return false
  seen.add(id)
  for (const dependency of test.depends_on || []) {
    if (!passed(dependency, results, seen)) return false
  }
  return result === true
}

function score (label, results) {
  const line = { name: label, required: 0, requiredPassed: 0, optimal: 0, optimalPassed: 0, failing: [] }
  for (const [id, test] of tests) {
    if (test.browser_only === true) continue
    const kind = test.kind || 'required'
    if (kind === 'check') continue
    line[kind] += 1
    if (passed(id, results)) {
      line[kind + 'Passed'] += 1
    } else if (kind === 'required') {
      line.failing.push(id)
    }
  }
  return line
}

function published () {
  return import(pathToFileURL(path.join(suiteDir, 'results/index.mjs'))).then(index => index.default
    .filter(item => item.type === 'rev-proxy' || item.type === 'cdn')
    .map(item => ({ item, results: JSON.parse(readFileSync(path.join(suiteDir, 'results', item.file))) })))
}

if (resultsArg === '--markdown') {
  const ours = JSON.parse(readFileSync(name))
  const columns = [{ label: 'this module', line: score('ISR', ours) }]
  for (const { item, results } of await published()) {
    columns.push({ label: `${item.name} ${item.version}`, line: score(item.name, results) })
  }
  console.log(`| | ${columns.map(c => c.label).join(' | ')} |`)
  console.log(`|---|${columns.map(() => '---').join('|')}|`)
  console.log(`| required passed (of ${columns[0].line.required}) | ${columns.map(c => c.line.requiredPassed).join(' | ')} |`)
  console.log(`| optimal passed (of ${columns[0].line.optimal}) | ${columns.map(c => c.line.optimalPassed).join(' | ')} |`)
  console.log()
  console.log('| required test failing | why (the suite\'s words) |')
  console.log('|---|---|')
  for (const id of columns[0].line.failing) {
    const result = ours[id]
    const why = result === undefined ? 'not run' : result === true ? 'a test it depends on fails'
      : String(result[1]).replace(/\|/g, '\\|').replace(/\n/g, ' ')
    console.log(`| \`${id}\` | ${why} |`)
  }
} else if (resultsArg === '--published') {
  for (const { item, results } of await published()) {
    const line = score(item.name, results)
    delete line.failing
    console.log(JSON.stringify(line))
  }
} else {
  console.log(JSON.stringify(score(name || 'this', JSON.parse(readFileSync(resultsArg)))))
}
