import { Injectable } from '@nestjs/common';

/** Dates in the API are calendar dates in Vietnam (UTC+7), whatever the server's time zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in Vietnam. Injected, so a test can pin "today". */
@Injectable()
export class Clock {
  today(): string {
    return formatter.format(new Date());
  }
}
