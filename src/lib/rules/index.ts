export { countItems, type Answer, type Gate } from './counts.ts';
export { score, binRanges, type Bins } from './bins.ts';
export { tjenesterPoeng, type ServiceWay, type ServicePoints, type Complexity } from './tjenester.ts';
export { prioritering, high } from './prioritering.ts';
export { twoAxis, bruk, aktivitet } from './twoAxis.ts';
export { hinderGroup, kompetanse, rekruttert, jaNei } from './kompetanse.ts';
export { sizeClass, SIZE_CLASSES, SIZE_CLASS_LABELS } from './sizeClass.ts';
