using Lianxin.WebHost.Apis.Shifts;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Volunteer shifts (值班): a center's rota at <c>/api/v1/centers/{id}/shifts</c> (recurring shifts, their occurrences,
/// sign-ups, those short of people) and a person's side at <c>/api/v1/volunteers/{id}/shifts</c> (my shifts, open ones
/// I may take, my availability). See docs/shifts.md.
/// </summary>
public static class ShiftsApi
{
    public static IEndpointRouteBuilder MapShiftsApi(this IEndpointRouteBuilder app)
    {
        var centers = app.MapGroup("/api/v1/centers/{id}/shifts").WithTags("Shifts").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        centers.MapGet("/", ShiftEndpoints.GetRotaAsync).WithSummary("The center's shifts (retired ones too) and their occurrences from now to two weeks ahead, with the places taken.")
            .RequireCenter(AccessPolicy.CanRead);
        centers.MapPost("/", ShiftEndpoints.DefineAsync)
            .WithSummary("Define a recurring shift: local weekdays, start and end (HH:mm, Asia/Shanghai), fewest and most people.")
            .RequireCenter(AccessPolicy.CanWriteRegistry);
        centers.MapPut("/{shiftId}", ShiftEndpoints.ChangeAsync).WithSummary("Change a shift: future occurrences follow, keeping places on days it still runs.")
            .RequireCenter(AccessPolicy.CanWriteRegistry);
        centers.MapPost("/{shiftId}/retire", ShiftEndpoints.RetireAsync).WithSummary("Retire a shift: future occurrences are removed and the people on them told.")
            .ValidateIds("shiftId").RequireCenter(AccessPolicy.CanWriteRegistry);
        centers.MapGet("/staff-contact", ShiftStaffContactEndpoints.GetAsync)
            .WithSummary("The mobile the rota texts when a shift is short of people a day ahead (masked); null when none is registered.")
            .RequireCenter(AccessPolicy.CanRead);
        centers.MapPut("/staff-contact", ShiftStaffContactEndpoints.SetAsync)
            .WithSummary("Register the staff contact's mobile for short-of-people texts, or remove it with null; audited without the number.")
            .RequireCenter(AccessPolicy.CanWriteRegistry);
        centers.MapGet("/at-risk", ShiftEndpoints.AtRiskAsync).WithSummary("Occurrences within a day of starting still short of their minimum; ?subtree=true for every center below too.")
            .RequireCenter(AccessPolicy.CanRead);
        // Taking a place checks its body first: whose place it is decides who may take it.
        centers.MapPost("/occurrences/{occurrenceId}/sign-ups", ShiftSignUpEndpoints.SignUpAsync)
            .WithSummary("Take a place (first come, up to the maximum; one per person; an Idempotency-Key header makes re-sends safe): confirmed, or 409 full/closed.");
        centers.MapPost("/occurrences/{occurrenceId}/sign-ups/{personId}/cancel", ShiftSignUpEndpoints.CancelAsync).WithSummary("Give a place back before the shift starts.")
            .ValidateIds("occurrenceId", "personId").RequirePersonStep();

        var people = app.MapGroup("/api/v1/volunteers/{id}/shifts").WithTags("Shifts").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        people.MapGet("/", ShiftSignUpEndpoints.PersonShiftsAsync).WithSummary("My shifts (with attendance once settled) and the open ones at my centers I may take.")
            .RequireVolunteer(AccessPolicy.CanRead);
        people.MapGet("/availability", ShiftSignUpEndpoints.GetAvailabilityAsync).WithSummary("When the person can serve: local weekday windows.")
            .RequireVolunteer(AccessPolicy.CanRead);
        people.MapPut("/availability", ShiftSignUpEndpoints.SetAvailabilityAsync).WithSummary("Replace the person's availability; shifts short of people invite those it covers.")
            .RequireVolunteerOrWriter();
        return app;
    }
}
