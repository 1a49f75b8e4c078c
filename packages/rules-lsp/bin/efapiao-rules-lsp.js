#!/usr/bin/env node
// The language server over stdio (or --node-ipc when an editor forks it).
import { startServer } from "../dist/index.js";

startServer();
