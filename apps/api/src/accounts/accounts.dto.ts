import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { PERMISSIONS } from '@sop/api-contract';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { said } from '../common/validation';

export { PERMISSIONS };

export class CreateUserDto {
  @ApiProperty({ example: 'metro.budi', description: 'Lower-case letters, digits, dots, dashes and underscores' })
  @IsString(said('username must be text', 'nama pengguna harus berupa teks'))
  @Matches(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    said(
      'username is 3 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit',
      'nama pengguna terdiri atas 3 sampai 64 huruf kecil, angka, titik, tanda hubung atau garis bawah, diawali huruf atau angka (mis. metro.budi)',
    ),
  )
  username: string;

  @ApiProperty({ example: 'Budi Santoso (Petugas Pengaduan)' })
  @IsString(said('displayName must be text', 'nama tampilan harus berupa teks'))
  @MinLength(1, said('displayName must not be empty', 'nama tampilan tidak boleh kosong'))
  @MaxLength(200, said('displayName is at most 200 characters', 'nama tampilan paling panjang 200 karakter'))
  displayName: string;

  @ApiProperty({ example: 'metro', description: "The regency (SOP id) the account works for; '*' for platform-wide reviewers and administrators" })
  @IsString(said('regency must be text', 'Kabupaten/Kota harus berupa teks'))
  @Matches(
    /^(\*|[a-z][a-z0-9-]*)$/,
    said(
      'regency is an SOP id such as "metro", or * for the whole platform',
      'Kabupaten/Kota ditulis sebagai id SOP seperti "metro", atau * untuk seluruh platform',
    ),
  )
  regency: string;

  @ApiPropertyOptional({ type: [String], example: ['petugas'], description: "Lane ids of the regency's SOP the account holds" })
  @IsOptional()
  @IsArray(said('lanes must be a list of lane ids', 'lajur harus berupa daftar id lajur'))
  @ArrayMaxSize(50, said('lanes has at most 50 entries', 'lajur paling banyak 50'))
  @IsString({ each: true, ...said('each lane must be a lane id', 'setiap lajur harus berupa id lajur') })
  @MaxLength(64, { each: true, ...said('a lane id is at most 64 characters', 'id lajur paling panjang 64 karakter') })
  lanes?: string[];

  @ApiPropertyOptional({ type: [String], enum: PERMISSIONS })
  @IsOptional()
  @IsArray(said('permissions must be a list', 'hak harus berupa daftar'))
  @IsIn(PERMISSIONS, {
    each: true,
    ...said(`each permission is one of ${PERMISSIONS.join(', ')}`, `setiap hak adalah salah satu dari ${PERMISSIONS.join(', ')}`),
  })
  permissions?: string[];

  @ApiProperty({ description: 'At least 12 characters' })
  @IsString(said('password must be text', 'kata sandi harus berupa teks'))
  @MinLength(12, said('password must be at least 12 characters', 'kata sandi paling sedikit 12 karakter'))
  @MaxLength(200, said('password is at most 200 characters', 'kata sandi paling panjang 200 karakter'))
  password: string;
}

/** What an administrator may change of an account: its name, lanes and rights (as on creation), and whether it is disabled. */
export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['displayName', 'lanes', 'permissions'] as const)) {
  @ApiPropertyOptional({ description: 'true disables the account (its tokens stop working); false enables it again' })
  @IsOptional()
  @IsBoolean(said('disabled must be true or false', 'nonaktif harus true atau false'))
  disabled?: boolean;
}

/** A new password, checked as on creation: the account's open sessions end. */
export class ResetPasswordDto extends PickType(CreateUserDto, ['password'] as const) {}
