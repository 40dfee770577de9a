namespace RevenueShare.Domain;

public enum PrincipalKind
{
    District,
    Statistics,
    Tax,
    Finance,
}
