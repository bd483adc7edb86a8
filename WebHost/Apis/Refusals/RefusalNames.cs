// The refusals the APIs answer, named once for the whole web host: one per kind, and the two pairs answered most.
global using BadRequestProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.BadRequestKind>;
global using ConflictProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.ConflictKind>;
global using ForbiddenProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.ForbiddenKind>;
global using NotFoundProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.NotFoundKind>;
global using TooManyRequestsProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.TooManyRequestsKind>;
global using UnauthenticatedProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.UnauthenticatedKind>;
global using UnavailableProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.UnavailableKind>;
global using UnprocessableProblem = Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.UnprocessableKind>;

// An access check's refusal: the target does not exist (404) or is not the caller's to reach (403).
global using AccessRefusal = Lianxin.WebHost.Apis.EitherRefusal<Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.ForbiddenKind>, Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.NotFoundKind>>;

// An actor's refusal of a command: its target does not exist (404) or its state does not allow it (409).
global using StateRefusal = Lianxin.WebHost.Apis.EitherRefusal<Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.NotFoundKind>, Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.ConflictKind>>;

// A one-time code's refusal: wrong, expired, used up or never sent (400), or too many answers from the address (429).
global using CodeRefusal = Lianxin.WebHost.Apis.EitherRefusal<Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.BadRequestKind>, Lianxin.WebHost.Apis.KindRefusal<Lianxin.WebHost.Apis.TooManyRequestsKind>>;
