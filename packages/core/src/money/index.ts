export { CurrencySchema, MoneySchema, type Currency, type Money } from './money.schema.js';
export { money, addMoney, sumMoney, mulDivRound, minorUnitDigits, formatMoney } from './money.logic.js';
