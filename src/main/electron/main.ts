import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { preferSmallHeap } from '../common/smallHeap';
import { runShell } from './shell';

preferSmallHeap();

/** The Electron entry point: the real Electron APIs handed to the shell, which does the rest. */
void runShell(
  { app, BrowserWindow, protocol, session, shell, ipcMain },
  {
    argv: process.argv,
    env: process.env,
    preloadPath: join(__dirname, '../preload/index.cjs'),
  },
);
