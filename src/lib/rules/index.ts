export { countItems, type Answer, type Gate } from './counts';
export { score, type Bins } from './bins';
export { tjenesterPoeng, type ServiceWay, type ServicePoints, type Complexity } from './tjenester';
export { prioritering, high } from './prioritering';
export { twoAxis, bruk, aktivitet } from './twoAxis';
export { hinderGroup, kompetanse, rekruttert, jaNei } from './kompetanse';
export { sizeClass, SIZE_CLASSES, SIZE_CLASS_LABELS } from './sizeClass';
export { gradeLevel, gradeName, levelSteps, movement, LEVEL_LABELS, MOVEMENT_RULE_TEXT, type Movement } from './change';
export { MIN_DENOMINATOR, hasShare, shareOf, SHARE_RULE_TEXT } from './share';
