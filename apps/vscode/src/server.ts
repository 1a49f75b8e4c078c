// The server bundled into the extension: the same entry as the `efapiao-rules-lsp` bin.
import { startServer } from "@efapiao/rules-lsp";

startServer();
