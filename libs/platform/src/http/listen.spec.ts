import { createServer } from 'node:net';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { listenOrExit } from './listen';

@Module({})
class EmptyModule {}

describe('listenOrExit', () => {
  it('ends the process with one line naming the port and the variable when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as { port: number }).port;
    const app = await NestFactory.create(EmptyModule, { logger: false });
    const written: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    try {
      await listenOrExit(app, 'activities', port);
      expect(exit).toHaveBeenCalledWith(1);
      expect(written).toEqual([`activities: port ${port} is already in use; stop what uses it or set ACTIVITIES_PORT to a free port.\n`]);
    } finally {
      stderr.mockRestore();
      exit.mockRestore();
      await app.close();
      blocker.close();
    }
  });
});
