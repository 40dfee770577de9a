using System.Collections.Frozen;
using RevenueShare.Domain;

namespace RevenueShare.Server.Pages;

/// <summary>
/// Each kind of office's jobs, in the order its month brings them (docs/users-and-rights.md): the
/// left navigation of every page and the list on the home page. The one table of them.
/// </summary>
public static class Navigation
{
    private static readonly FrozenDictionary<PrincipalKind, NavigationEntry[]> Jobs = new Dictionary<PrincipalKind, NavigationEntry[]>
    {
        [PrincipalKind.District] =
        [
            new("协议", "/agreements"),
            new("分配明细", "/allocations"),
            new("本区结算单", "/statement"),
            new("年度清算", "/finance/settlement"),
        ],
        [PrincipalKind.Statistics] =
        [
            new("月度对账", "/reconciliation"),
            new("上传报表", "/figures/upload"),
            new("审核", "/reviews"),
        ],
        [PrincipalKind.Tax] =
        [
            new("审核队列", "/reviews"),
            new("上传报表", "/figures/upload"),
        ],
        [PrincipalKind.Finance] =
        [
            new("审批队列", "/finance/approvals"),
            new("协议", "/agreements"),
            new("年度清算", "/finance/settlement"),
            new("月度对账", "/reconciliation"),
            new("分配明细", "/allocations"),
            new("各区结算单", "/statement"),
        ],
    }.ToFrozenDictionary();

    public static IReadOnlyList<NavigationEntry> For(PrincipalKind kind) => Jobs[kind];
}
