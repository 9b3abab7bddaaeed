import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { EstablishClubController } from './clubs/establish-club/establish-club.http.controller';
import { EstablishClubHandler } from './clubs/establish-club/establish-club.handler';
import { GetClubController } from './clubs/get-club/get-club.http.controller';
import { DissolveClubController } from './clubs/dissolve-club/dissolve-club.http.controller';
import { DissolveClubHandler } from './clubs/dissolve-club/dissolve-club.handler';
import { ReassignClubController } from './clubs/reassign-club/reassign-club.http.controller';
import { ReassignClubHandler } from './clubs/reassign-club/reassign-club.handler';
import { DefineOrgUnitController } from './org-units/define-org-unit/define-org-unit.http.controller';
import { DefineOrgUnitHandler } from './org-units/define-org-unit/define-org-unit.handler';
import { GetOrgUnitController } from './org-units/get-org-unit/get-org-unit.http.controller';
import { RegistryOrgUnitScope } from './org-units/org-unit-scope.resolver';
import { ApplyOrgUnitChangesController } from './org-units/apply-org-unit-changes/apply-org-unit-changes.http.controller';
import { ApplyOrgUnitChangesHandler } from './org-units/apply-org-unit-changes/apply-org-unit-changes.handler';
import { RegisterMemberController } from './members/register-member/register-member.http.controller';
import { RegisterMemberHandler } from './members/register-member/register-member.handler';
import { GetMemberController } from './members/get-member/get-member.http.controller';
import { EraseMemberController } from './members/erase-member/erase-member.http.controller';
import { EraseMemberHandler } from './members/erase-member/erase-member.handler';
import { JoinClubController } from './memberships/join-club/join-club.http.controller';
import { JoinClubHandler } from './memberships/join-club/join-club.handler';
import { ChangeMembershipRolesController } from './memberships/change-membership-roles/change-membership-roles.http.controller';
import { ChangeMembershipRolesHandler } from './memberships/change-membership-roles/change-membership-roles.handler';
import { EndMembershipController } from './memberships/end-membership/end-membership.http.controller';
import { EndMembershipHandler } from './memberships/end-membership/end-membership.handler';
import { GetClubMembershipsController } from './memberships/get-club-memberships/get-club-memberships.http.controller';
import { GetMemberMembershipsController } from './memberships/get-member-memberships/get-member-memberships.http.controller';
import { RecordDeathController } from './memberships/record-death/record-death.http.controller';
import { RecordDeathHandler } from './memberships/record-death/record-death.handler';
import { MemberKeyring } from './members/member-keyring';
import { FileUploadMiddleware } from './imports/file-upload.middleware';
import { ImportMembersController } from './imports/import-members/import-members.http.controller';
import { ImportMembersHandler } from './imports/import-members/import-members.handler';
import { MemberImportTemplateController } from './imports/member-import-template/member-import-template.http.controller';
import { ReferenceDataImport } from './reference-data/reference-data.import';
import { RegistrySchema } from './shared/registry-schema.provider';

/**
 * The registry: org units on a dated hierarchy with reforms (reference data imported on start), clubs,
 * members (personal data encrypted per member) and their memberships, and bulk member imports.
 */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService()],
  controllers: [
    DefineOrgUnitController,
    GetOrgUnitController,
    ApplyOrgUnitChangesController,
    EstablishClubController,
    GetClubController,
    DissolveClubController,
    ReassignClubController,
    RegisterMemberController,
    GetMemberController,
    EraseMemberController,
    JoinClubController,
    ChangeMembershipRolesController,
    EndMembershipController,
    RecordDeathController,
    GetClubMembershipsController,
    GetMemberMembershipsController,
    ImportMembersController,
    MemberImportTemplateController,
  ],
  providers: [
    Clock,
    RegistrySchema,
    { provide: ORG_UNIT_SCOPE, useClass: RegistryOrgUnitScope },
    DefineOrgUnitHandler,
    ApplyOrgUnitChangesHandler,
    EstablishClubHandler,
    DissolveClubHandler,
    ReassignClubHandler,
    MemberKeyring,
    RegisterMemberHandler,
    EraseMemberHandler,
    JoinClubHandler,
    ChangeMembershipRolesHandler,
    EndMembershipHandler,
    RecordDeathHandler,
    ImportMembersHandler,
    ReferenceDataImport,
  ],
})
export class RegistryModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Member files come as raw CSV/XLSX bodies, read before the write interceptor hashes the request.
    consumer.apply(FileUploadMiddleware).forRoutes({ path: 'imports/members', method: RequestMethod.POST });
  }
}
