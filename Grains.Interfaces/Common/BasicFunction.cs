namespace Lianxin.Common;

/// <summary>The ten basic functions (十个方面基本功能) every visit, ticket and statistic is tagged with.</summary>
public enum BasicFunction
{
    /// <summary>党建服务: party-building service; party affairs are never outsourced.</summary>
    PartyBuilding = 1,
    /// <summary>办公议事: office and deliberation.</summary>
    OfficeDeliberation = 2,
    /// <summary>便民办事: convenience services.</summary>
    ConvenienceServices = 3,
    /// <summary>基层治理: grassroots governance.</summary>
    GrassrootsGovernance = 4,
    /// <summary>关爱帮扶: care and assistance.</summary>
    CareAssistance = 5,
    /// <summary>助力发展: development support.</summary>
    DevelopmentSupport = 6,
    /// <summary>志愿服务: volunteer service.</summary>
    VolunteerService = 7,
    /// <summary>文体休闲: culture, sports and leisure.</summary>
    CultureSportsLeisure = 8,
    /// <summary>应急保障: emergency support.</summary>
    EmergencySupport = 9,
    /// <summary>宣传展示: publicity and display.</summary>
    PublicityDisplay = 10,
}
