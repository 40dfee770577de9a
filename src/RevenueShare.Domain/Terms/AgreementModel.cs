namespace RevenueShare.Domain.Terms;

/// <summary>The two linkage models of the 2023 policy (docs/agreements.md, Background).</summary>
public enum AgreementModel
{
    /// <summary><c>hq-rnd+manufacturing</c>: 中心城区总部研发 + 外围城区制造基地.</summary>
    HqRndManufacturing,

    /// <summary><c>incubation+industrialisation</c>: 中心城区孵化 + 外围城区产业化.</summary>
    IncubationIndustrialisation,
}
