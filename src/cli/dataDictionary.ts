/** `npm run data-dictionary`: writes docs/open-data.md from the export definitions. */
import { writeFileSync } from 'node:fs';
import { renderDataDictionary } from '../server/export/dictionary.js';

writeFileSync('docs/open-data.md', renderDataDictionary());
console.log('Wrote docs/open-data.md');
