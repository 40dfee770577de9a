namespace RevenueShare.Domain.Agreements;

public enum ReportStatus
{
    Booked,
    Duplicate,
    Rejected,
}
