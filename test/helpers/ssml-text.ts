/**
 * What a listener hears from SSML, for the drivers and raw-request tests: the console's reading (tags dropped,
 * entities decoded, white space folded), so tests and the console hear a reply the same way.
 */
export { ssmlToText as stripSsml } from '../../lambda/console/simulator/speech';
