import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { exportBpmn } from '@sop/bpmn';
import type { SopDocument } from '@sop/model';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { quoted } from '../common/quoted';
import { RetryAfterHeader } from '../common/rate-limit';
import { SopCatalog, type PublishedSop, type SopVersionFacts } from './sop-catalog.service';

export class PublishDto {
  @ApiProperty({ description: 'The whole SOP as YAML' })
  @IsString({ message: 'yaml must be text' })
  @MinLength(1, { message: 'yaml must not be empty' })
  @MaxLength(1_000_000, { message: 'yaml is at most 1 MB' })
  yaml: string;

  @ApiPropertyOptional({ description: 'What changed and why' })
  @IsOptional()
  @IsString({ message: 'changeNote must be text' })
  @MaxLength(2000, { message: 'changeNote is at most 2000 characters' })
  changeNote?: string;

  @ApiPropertyOptional({ description: 'The version you edited (0 for a new SOP): 409 when another version was published since', example: 3 })
  @IsOptional()
  @IsInt({ message: 'basedOnVersion must be a whole number: the version you edited, 0 for a new SOP' })
  @Min(0, { message: 'basedOnVersion is 0 or more' })
  @Max(2_147_483_647, { message: 'basedOnVersion is too large' })
  basedOnVersion?: number;
}

export class ApproveDto {
  @ApiProperty({ description: 'The local date (YYYY-MM-DD, the SOP’s time zone) the version takes effect: today or later', example: '2027-01-04' })
  @IsString({ message: 'effectiveDate must be a date written YYYY-MM-DD' })
  @MaxLength(10, { message: 'effectiveDate is a date written YYYY-MM-DD' })
  effectiveDate: string;
}

export class RejectDto {
  @ApiProperty({ description: 'Why the proposal is rejected (the author reads it)' })
  @IsString({ message: 'reason must be text' })
  @MaxLength(2000, { message: 'reason is at most 2000 characters' })
  reason: string;
}

/** The version in effect and the next one (a proposal or approved for a later date), for the SOP page (ADR 0025). */
export function versionStatus(versions: SopVersionFacts[]) {
  const inEffect = versions.find((v) => v.inEffect) ?? null;
  const next = versions.find((v) => (!inEffect || v.version > inEffect.version) && v.status !== 'rejected') ?? null;
  return {
    inEffect: inEffect && { version: inEffect.version, since: inEffect.effectiveFrom, effectiveDate: inEffect.effectiveDate },
    next: next && { version: next.version, status: next.status, effectiveFrom: next.effectiveFrom, effectiveDate: next.effectiveDate },
    proposals: versions.filter((v) => v.status === 'proposed').length,
  };
}

const SOP_ID = /^[a-z][a-z0-9-]*$/;
// versions are stored as PostgreSQL integers: a larger number is no version (and must not reach SQL)
const MAX_VERSION = 2_147_483_647;
/**
 * A version in a path: digits only, as the API writes it ("1", not "1.0", "+1", " 1", "1e3" or "0x3",
 * which a number parser would read as some version), from 1 to MAX_VERSION. Read from the path's
 * text, not through a pipe: the global validation pipe would turn the text into a number first.
 */
function versionOf(text: string): number {
  const version = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : NaN;
  if (version >= 1 && version <= MAX_VERSION) return version;
  throw new BadInputException('not a version number', [
    {
      field: 'version',
      message: `the version is a whole number from 1 to ${MAX_VERSION}, written in digits (e.g. 2); ${quoted(text, 20)} is not`,
      messageId: `versi ditulis sebagai bilangan bulat dari 1 sampai ${MAX_VERSION} dengan angka saja (mis. 2); ${quoted(text, 20)} bukan versi`,
    },
  ]);
}
/** A new SOP's id: it becomes part of URLs and usernames (`admin.<id>`, `<id>.<lane>`, at most 64 characters). */
export const NEW_SOP_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const NEW_SOP_ID_MAX = 40;
/** Ids a page of the web app uses in place of an SOP id (`/sops/baru` creates a new SOP). */
export const RESERVED_SOP_IDS = new Set(['baru']);

/** Why an id cannot be a new SOP's, or null when it can. */
export function newSopIdProblem(id: string): string | null {
  if (RESERVED_SOP_IDS.has(id)) return `"${id}" is reserved by the web app (/sops/${id}): choose another id`;
  if (id.length > NEW_SOP_ID_MAX)
    return `a new SOP id is at most ${NEW_SOP_ID_MAX} characters (it becomes part of usernames such as admin.<id>); "${id}" has ${id.length}`;
  if (!NEW_SOP_ID.test(id))
    return `a new SOP id is lower-case letters and digits, words joined by single dashes, starting with a letter (e.g. "kab-contoh"); "${id}" is not`;
  return null;
}

function summary(p: PublishedSop) {
  return {
    id: p.sopId,
    version: p.version,
    title: p.sop.identity.title,
    regency: p.sop.identity.regency,
    timeZone: p.sop.calendar.timeZone,
    publishedAt: p.publishedAt,
    lanes: p.sop.lanes.length,
    steps: p.sop.steps.length,
    // false for an SOP published for viewing and comparison only (its source cut off): it takes no complaints
    runnable: p.runnability.runnable,
  };
}

/** A version whole; `inSourceOrder` is its model in the YAML's order (SopCatalog.inSourceOrder), null when not at hand. */
function detail(p: PublishedSop, inSourceOrder: SopDocument | null) {
  return {
    ...summary(p),
    versionId: p.versionId,
    contentHash: p.contentHash,
    changeNote: p.changeNote,
    publishedBy: p.publishedBy,
    yaml: p.yaml,
    // the model with its keys in the YAML's order (the editor copies keys from it: ADR 0034, addendum 2);
    // `sopOrder` says so, and an answer without it (an older API) is not taken for the YAML's reading
    sop: inSourceOrder ?? p.sop,
    sopOrder: inSourceOrder ? ('yaml' as const) : ('stored' as const),
    form: p.form,
    formIsDefault: p.formIsDefault,
    channels: p.sop.intake?.channels ?? [],
    inspection: p.inspection,
    runnability: p.runnability,
  };
}

@ApiTags('sops')
@Controller('api/sops')
export class SopsController {
  constructor(private readonly catalog: SopCatalog) {}

  private async withStatus(p: PublishedSop) {
    return { ...(await this.detail(p)), versionStatus: versionStatus(await this.catalog.versions(p.sopId)) };
  }

  private async detail(p: PublishedSop) {
    return detail(p, await this.catalog.inSourceOrder(p));
  }

  private checkId(id: string) {
    if (!SOP_ID.test(id))
      throw new BadInputException('not an SOP id', [{ field: 'id', message: 'an SOP id is lower-case letters, digits and dashes, e.g. "metro"' }]);
  }

  @Get()
  @ApiOperation({ summary: 'Published SOPs by regency, and files in sops/ that could not be published' })
  async list() {
    const all = await this.catalog.allLatest();
    return { sops: all.map(summary), rejected: this.catalog.rejectedFiles() };
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'The version of an SOP in effect (new cases start on it): YAML, model, form, inspection, and versionStatus: since when, and the next version proposed or approved for a later date',
  })
  async latest(@Param('id') id: string) {
    this.checkId(id);
    const p = await this.catalog.latest(id);
    if (!p) throw new NotFoundException(`no published SOP "${id}"`);
    return this.withStatus(p);
  }

  @Get(':id/head')
  @ApiOperation({ summary: 'The newest version of an SOP that is not rejected (a proposal, or the version in effect): what the editor edits' })
  async head(@Param('id') id: string) {
    this.checkId(id);
    const p = await this.catalog.head(id);
    if (!p) throw new NotFoundException(`no published SOP "${id}"`);
    return this.withStatus(p);
  }

  @Get(':id/bpmn')
  @ApiOperation({
    summary:
      'The latest version of an SOP as BPMN 2.0 XML: a lane per Pelaksana, user tasks, exclusive gateways, timers for the Waktu, the diagram as our swimlane (docs/bpmn.md)',
  })
  @ApiProduces('application/xml')
  async bpmn(@Param('id') id: string, @Res({ passthrough: true }) res: FastifyReply) {
    this.checkId(id);
    const p = await this.catalog.latest(id);
    if (!p) throw new NotFoundException(`no published SOP "${id}"`);
    const { xml } = await exportBpmn(p.sop, { id });
    res.header('content-type', 'application/xml; charset=utf-8');
    res.header('content-disposition', `inline; filename="${id}.bpmn"`);
    return xml;
  }

  @Get(':id/versions')
  @ApiOperation({
    summary:
      'Every version of an SOP, newest first: status (proposed, approved, rejected), author, date, change note, signer, effective date, which is in effect',
  })
  async versions(@Param('id') id: string) {
    this.checkId(id);
    const versions = await this.catalog.versions(id);
    const inEffect = await this.catalog.latest(id);
    if (!versions.length || !inEffect) throw new NotFoundException(`no published SOP "${id}"`);
    // today in the SOP's time zone on the API's clock: the earliest date a signer may approve from
    return { versions, today: this.catalog.today(inEffect), timeZone: inEffect.sop.calendar.timeZone };
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'One version of an SOP' })
  async version(@Param('id') id: string, @Param('version') versionText: string) {
    this.checkId(id);
    const version = versionOf(versionText);
    const p = await this.catalog.byNumber(id, version);
    if (!p) throw new NotFoundException(`SOP "${id}" has no version ${version}`);
    return this.detail(p);
  }

  @Post(':id/versions')
  @UseGuards(AuthGuard)
  // 503 with Retry-After when every SOP checker is busy (SopChecker)
  @UseInterceptors(RetryAfterHeader)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Publish a new version (authors of that regency; the platform administrator publishes only version 1 of a new SOP). Version 1 takes effect at once; a later version needs a change note and is a proposal until the SOP’s signer approves it (ADR 0025). 422 with located issues when invalid (checked on a worker thread); 503 with Retry-After when the checker’s queue is full; 409 when basedOnVersion is no longer the head (the newest version not rejected)',
  })
  async publish(@CurrentUser() user: Principal, @Param('id') id: string, @Body() body: PublishDto) {
    this.checkId(id);
    const before = await this.catalog.head(id);
    const author = user.permissions.includes('author') && (user.regency === id || user.regency === '*');
    const platformAdmin = user.permissions.includes('admin') && user.regency === '*';
    if (!author && !(platformAdmin && !before)) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: platformAdmin ? 'sop.publish-admin-later-version' : 'sop.publish-other-regency',
        message: platformAdmin
          ? `"${id}" is published (version ${before!.version}): later versions are published by its SOP authors (such as ${id}.penyusun, created at /admin/pengguna); the platform administrator publishes only a new regency's first version`
          : `publishing "${id}" needs an SOP author of that regency; you are ${user.username} (${user.regency})`,
      });
    }
    if (!before) {
      const problem = newSopIdProblem(id);
      if (problem) throw new BadInputException('not a new SOP id', [{ field: 'id', message: problem }]);
    }
    const note = typeof body.changeNote === 'string' && body.changeNote.trim() ? body.changeNote.trim() : null;
    // the platform administrator only ever creates: a version published by someone else in between makes this one stale (409)
    const basedOnVersion = author ? body.basedOnVersion : (body.basedOnVersion ?? 0);
    const p = await this.catalog.publish(id, body.yaml, { by: user, note, basedOnVersion });
    const versions = await this.catalog.versions(id);
    const facts = versions.find((v) => v.version === p.version);
    return {
      ...(await this.detail(p)),
      created: !before || before.versionId !== p.versionId,
      status: facts?.status ?? 'approved',
      inEffect: facts?.inEffect ?? false,
      versionStatus: versionStatus(versions),
    };
  }

  /** Only the SOP's signer (permission `signer`, an account of that regency) decides on its proposals. */
  private checkSigner(user: Principal, id: string) {
    if (!user.permissions.includes('signer') || user.regency !== id) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'sop.approve-not-signer',
        message: `approving or rejecting a version of "${id}" needs its signer (the Kepala Dinas: an account of ${id} with the signer permission, such as ${id}.pengesah); you are ${user.username} (${user.regency})`,
      });
    }
  }

  @Post(':id/versions/:version/approve')
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'The signer approves a proposed version with the date it takes effect (today or later); cases already filed stay on their version. 409 when it was decided already or a later version is approved',
  })
  async approve(@CurrentUser() user: Principal, @Param('id') id: string, @Param('version') versionText: string, @Body() body: ApproveDto) {
    this.checkId(id);
    const version = versionOf(versionText);
    this.checkSigner(user, id);
    const v = await this.catalog.approve(id, version, user, body.effectiveDate);
    if (!v) throw new NotFoundException(`SOP "${id}" has no version ${version}`);
    return { version: v, versionStatus: versionStatus(await this.catalog.versions(id)) };
  }

  @Post(':id/versions/:version/reject')
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signer rejects a proposed version with a reason: it never takes effect. 409 when it was decided already' })
  async reject(@CurrentUser() user: Principal, @Param('id') id: string, @Param('version') versionText: string, @Body() body: RejectDto) {
    this.checkId(id);
    const version = versionOf(versionText);
    this.checkSigner(user, id);
    const reason = body.reason.trim();
    if (!reason) throw new BadInputException('a reason is required', [{ field: 'reason', message: 'say why the proposal is rejected: its author reads it' }]);
    const v = await this.catalog.reject(id, version, user, reason);
    if (!v) throw new NotFoundException(`SOP "${id}" has no version ${version}`);
    return { version: v, versionStatus: versionStatus(await this.catalog.versions(id)) };
  }
}
