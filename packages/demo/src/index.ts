export {
  type DemoOptions,
  type DemoResult,
  type Generation,
  REFERENCE,
  referenceFixtures,
  runDemo,
} from "./demo.ts";
export { LocalEdge, type LocalEdgeOptions } from "./local-edge.ts";
