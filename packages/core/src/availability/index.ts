export * from './availability.schema.js';
export {
  answerAvailability,
  deliveryPromise,
  deliveryCalendar,
  planDelivery,
  shipDay,
  supportedDestinations,
  destinationIssue,
  isAvailabilityError,
  type AvailabilityContext,
  type AnswerAvailabilityOptions,
  type DeliveryPromiseInput,
  type DeliveryPlan,
  type SourcedPart,
  type SupplySource,
} from './availability.logic.js';
export {
  createBusinessCalendar,
  isBusinessDay,
  nextBusinessDay,
  addBusinessDays,
  holidayName,
  addDays,
  weekdayOf,
  SATURDAY_SUNDAY,
  type BusinessCalendar,
  type Weekday,
} from './calendar.logic.js';
export {
  calendarFromHolidays,
  holidayDays,
  holidayRegion,
  type HolidaySource,
  type HolidayType,
  type HolidayCalendarOptions,
} from './holidays.js';
export { createAvailabilityClient, type AvailabilityClient } from './availability.client.js';
