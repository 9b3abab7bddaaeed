import { Injectable } from '@nestjs/common';

/** Dates in the API are calendar dates in Vietnam (UTC+7), whatever the server's time zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

const MINUTE_MS = 60_000;

/** Today's date (YYYY-MM-DD) in Vietnam. Injected, so a test can pin "today". */
@Injectable()
export class Clock {
  // Formatting with a time zone costs more than the rest of a request's date handling, and every command
  // asks (often twice). A time zone's offset is a whole number of minutes, so the date can only change at
  // the start of a UTC minute: the answer is kept for the minute it was computed in.
  private minute = Number.NaN;
  private date = '';

  today(): string {
    const now = Date.now();
    const minute = Math.floor(now / MINUTE_MS);
    if (minute !== this.minute) {
      this.date = formatter.format(new Date(now));
      this.minute = minute;
    }
    return this.date;
  }
}
