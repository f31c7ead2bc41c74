import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { PERMISSIONS } from '@sop/api-contract';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export { PERMISSIONS };

export class CreateUserDto {
  @ApiProperty({ example: 'metro.budi', description: 'Lower-case letters, digits, dots, dashes and underscores' })
  @IsString({ message: 'username must be text' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'username is 3 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit',
  })
  username: string;

  @ApiProperty({ example: 'Budi Santoso (Petugas Pengaduan)' })
  @IsString({ message: 'displayName must be text' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200, { message: 'displayName is at most 200 characters' })
  displayName: string;

  @ApiProperty({ example: 'metro', description: "The regency (SOP id) the account works for; '*' for platform-wide reviewers and administrators" })
  @IsString({ message: 'regency must be text' })
  @Matches(/^(\*|[a-z][a-z0-9-]*)$/, { message: 'regency is an SOP id such as "metro", or * for the whole platform' })
  regency: string;

  @ApiPropertyOptional({ type: [String], example: ['petugas'], description: "Lane ids of the regency's SOP the account holds" })
  @IsOptional()
  @IsArray({ message: 'lanes must be a list of lane ids' })
  @ArrayMaxSize(50, { message: 'lanes has at most 50 entries' })
  @IsString({ each: true, message: 'each lane must be a lane id' })
  @MaxLength(64, { each: true, message: 'a lane id is at most 64 characters' })
  lanes?: string[];

  @ApiPropertyOptional({ type: [String], enum: PERMISSIONS })
  @IsOptional()
  @IsArray({ message: 'permissions must be a list' })
  @IsIn(PERMISSIONS, { each: true, message: `each permission is one of ${PERMISSIONS.join(', ')}` })
  permissions?: string[];

  @ApiProperty({ description: 'At least 12 characters' })
  @IsString({ message: 'password must be text' })
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200, { message: 'password is at most 200 characters' })
  password: string;
}

/** What an administrator may change of an account: its name, lanes and rights (as on creation), and whether it is disabled. */
export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['displayName', 'lanes', 'permissions'] as const)) {
  @ApiPropertyOptional({ description: 'true disables the account (its tokens stop working); false enables it again' })
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}

/** A new password, checked as on creation: the account's open sessions end. */
export class ResetPasswordDto extends PickType(CreateUserDto, ['password'] as const) {}
