export * from './number';
export * from './symbols';
export * from './slug';
export * from './sentence';
export * from './bins';
