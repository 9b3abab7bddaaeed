// kafkajs logs through our logger, so its lines carry the same shape (and level filter) as ours.
import { logLevel, type logCreator } from 'kafkajs';
import type { MessagingLogger } from '../logger';

export function kafkajsLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, ...fields } = log;
      const line = { kafkajs: namespace, ...fields };
      if (level === logLevel.ERROR) logger.error(line, message);
      else if (level === logLevel.WARN) logger.warn(line, message);
      else if (level === logLevel.INFO) logger.info(line, message);
      else logger.debug(line, message);
    };
}
