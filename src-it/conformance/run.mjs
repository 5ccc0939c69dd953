// Runs the cache-tests suite's tests through a cache, as its cli.mjs does, with two differences: tests run 20 at a
// time rather than 100, and a test that failed because a connection broke (a FetchError: the suite's client reuses
// connections the server may close) is run once more on its own. Prints the results as cli.mjs does (JSON).
//
//   node run.mjs SUITE_DIR BASE_URL
import { createRequire } from 'module'
import { pathToFileURL } from 'url'
import path from 'path'

const suiteDir = path.resolve(process.argv[2])
const baseUrl = process.argv[3]
const load = file => import(pathToFileURL(path.join(suiteDir, file)))
const fetch = createRequire(path.join(suiteDir, 'package.json'))('node-fetch')
const config = await load('client/config.mjs')
const { makeCacheTest, testResults } = await load('client/test.mjs')
config.setFetch(fetch)
config.setBaseUrl(baseUrl)
config.setUseBrowserCache(false)

const suites = (await load('tests/index.mjs')).default
suites.push((await load('tests/surrogate-control.mjs')).default)
const tests = suites.flatMap(suite => suite.tests).filter(test => test.browser_only !== true)

for (let i = 0; i < tests.length; i += 20) {
  await Promise.all(tests.slice(i, i + 20).map(makeCacheTest))
}
for (const test of tests) {
  const result = testResults[test.id]
  if (Array.isArray(result) && result[0] === 'FetchError') {
    console.error(`again: ${test.id} (${result[1]})`)
    delete testResults[test.id]
    await makeCacheTest(test)
  }
}
const ordered = {}
Object.keys(testResults).sort().forEach(id => { ordered[id] = testResults[id] })
console.log(JSON.stringify(ordered, null, 2))
