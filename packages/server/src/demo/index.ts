export { type DemoSeedResult, seedDemo } from './seed-demo.ts';
