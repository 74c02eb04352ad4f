export * from './prepare';
export * from './palette';
export * from './choropleth';
