import assert from "node:assert/strict";
import { test } from "node:test";
import { stagingModules } from "../src/index.ts";

test("reads the staging modules from the replace directives of k8s.io/kubernetes' go.mod", () => {
  const goMod = [
    "module k8s.io/kubernetes",
    "",
    "go 1.26.0",
    "",
    "require (",
    "\tk8s.io/api v0.0.0",
    "\tk8s.io/klog/v2 v2.130.1",
    ")",
    "",
    "replace (",
    "\tk8s.io/api => ./staging/src/k8s.io/api",
    "\tk8s.io/sample-controller => ./staging/src/k8s.io/sample-controller",
    "\tgithub.com/foo/bar => github.com/foo/bar v1.2.3",
    ")",
    "",
    "replace k8s.io/kms => ./staging/src/k8s.io/kms",
  ].join("\n");
  assert.deepEqual(stagingModules(goMod), ["k8s.io/api", "k8s.io/sample-controller", "k8s.io/kms"]);
});
