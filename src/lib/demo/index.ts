export { generateDemoRows, generateDemoCsv, type DemoWave } from './generate';
export { demoColumns } from './respond';
export { baseMaturity, carriedMaturity, freshMaturity, sizeZ, waveMaturity, type DemoBase } from './latent';
export { mulberry32, hashKey, stream, type Rng } from './prng';
export { normInv } from './probit';
export { planDemoWaves, demoSeed, type DemoYearInput, type PlannedWave } from './waves';
