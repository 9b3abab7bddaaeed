import { comparePositions } from './types';

describe('comparePositions', () => {
  it('orders by transaction id first, then by global position', () => {
    expect(comparePositions({ transactionId: '9', globalPosition: '100' }, { transactionId: '10', globalPosition: '1' })).toBe(-1);
    expect(comparePositions({ transactionId: '10', globalPosition: '2' }, { transactionId: '10', globalPosition: '1' })).toBe(1);
    expect(comparePositions({ transactionId: '10', globalPosition: '2' }, { transactionId: '10', globalPosition: '2' })).toBe(0);
  });

  it('compares xid8 values beyond the safe integer range exactly', () => {
    expect(comparePositions({ transactionId: '9007199254740993', globalPosition: '1' }, { transactionId: '9007199254740992', globalPosition: '1' })).toBe(1);
  });
});
