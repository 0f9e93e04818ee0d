// The stop_reason Faultline itself writes when a schedule fails too often in a row
// (executors write their own reasons); the trader page shows it as "Disabled".
export const STOP_REASON_ERROR_LIMIT = "error_limit_exceeded";
