export { countItems, type Answer, type Gate } from './counts';
export { score, binRanges, type Bins } from './bins';
export { tjenesterPoeng, type ServiceWay, type ServicePoints, type Complexity } from './tjenester';
export { prioritering, high } from './prioritering';
export { twoAxis, bruk, aktivitet } from './twoAxis';
export { hinderGroup, kompetanse, rekruttert, jaNei } from './kompetanse';
export { sizeClass, SIZE_CLASSES, SIZE_CLASS_LABELS } from './sizeClass';
