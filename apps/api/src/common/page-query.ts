import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { said } from './validation';

/** `?page=&pageSize=` of a list read a page at a time (1-based; 1 to 200 per page), refused in both languages. */
export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt(said('page must be a whole number', 'halaman harus bilangan bulat'))
  @Min(1, said('page starts at 1', 'halaman dimulai dari 1'))
  @Max(100_000, said('page is at most 100000', 'halaman paling besar 100000'))
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt(said('pageSize must be a whole number', 'ukuran halaman harus bilangan bulat'))
  @Min(1, said('pageSize is 1 to 200', 'ukuran halaman 1 sampai 200'))
  @Max(200, said('pageSize is 1 to 200', 'ukuran halaman 1 sampai 200'))
  pageSize?: number;
}
