export {
  generateSampleOrg,
  SAMPLE_ANCHOR_DATE,
  SAMPLE_GENERATOR,
  type GenerateSampleOrgOptions,
  type GeneratedSampleOrg,
} from './generateSampleOrg.js';
export { sampleSize, type SampleSize, type SampleSizeName } from './sampleSize.js';
export { createRandom, type Random } from './random.js';
export { toCaseSafeId } from './salesforceId.js';
