export { generateDemoRows, generateDemoCsv, type DemoWave } from './generate.ts';
export { demoColumns } from './respond.ts';
export { baseMaturity, carriedMaturity, freshMaturity, sizeZ, waveMaturity, type DemoBase } from './latent.ts';
export { mulberry32, hashKey, stream, type Rng } from './prng.ts';
export { normInv } from './probit.ts';
export { planDemoWaves, demoSeed, type DemoYearInput, type PlannedWave } from './waves.ts';
